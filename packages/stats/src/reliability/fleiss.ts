import type { RatingUnit, UndefinedReason } from "./units";

type Counts = {
  /** Units with two or more ratings: the ones agreement is observed on. */
  units: number;
  /** Units with exactly one rating: they count towards the category shares (chance) only. */
  unpairedUnits: number;
  /** Distinct raters over the units used. */
  raters: number;
  /** Fewest and most ratings in a unit with two or more; equal for Fleiss' original design. */
  ratingsPerUnit: { min: number; max: number } | null;
  /** Ratings outside `categories`, left out. */
  excludedValues: number;
};

export type FleissKappa = Counts &
  (
    | {
        kappa: number;
        reason: null;
        /** P̄, the mean share of agreeing rater pairs per unit. */
        observedAgreement: number;
        /** P̄_e = Σ_j p_j², the agreement expected by chance. */
        chanceAgreement: number;
      }
    | { kappa: null; reason: UndefinedReason; observedAgreement: null; chanceAgreement: null }
  );

/**
 * Fleiss' kappa (Fleiss, "Measuring nominal scale agreement among many raters", Psychological
 * Bulletin 76(5), 1971), for N units each rated by n raters into k categories, n_ij raters
 * putting unit i in category j:
 *
 *   P_i = Σ_j n_ij (n_ij − 1) / (n (n − 1)),   P̄ = (1/N) Σ_i P_i
 *   p_j = (1/N) Σ_i n_ij / n,                  P̄_e = Σ_j p_j²
 *   κ   = (P̄ − P̄_e) / (1 − P̄_e)
 *
 * Raters per unit vary in a real study (overlap is a target, not a guarantee), so n becomes n_i
 * as in Gwet's generalisation (Handbook of Inter-Rater Reliability, 4th ed., 2014; the reference
 * implementation is irrCAC's `fleiss.kappa.raw`): P̄ averages P_i over the units with n_i ≥ 2,
 * and p_j averages n_ij / n_i over all units with a rating. With equal n_i both are Fleiss'
 * formulas exactly; no unit is dropped for having an unusual count.
 *
 * `categories`, when given, lists the allowed values; others are left out and counted. Unused
 * categories do not change κ (p_j = 0). If every rating is the same category, P̄_e = 1 and κ is
 * 0/0: `kappa` is null with reason "no-variation". Without a unit of two ratings:
 * "no-pairable-values".
 *
 * Checked against Fleiss' worked example as given by Wikipedia ("Fleiss' kappa": 10 subjects,
 * 14 raters, 5 categories, κ = 0.210).
 */
export function fleissKappa<V extends string | number>(
  units: readonly RatingUnit<V>[],
  categories?: readonly V[],
): FleissKappa {
  const allowed = categories ? new Set(categories) : null;
  const raters = new Set<string>();
  const shares = new Map<V, number>(); // Σ_i n_ij / n_i, over units with a rating
  let ratedUnits = 0;
  let agreementSum = 0; // Σ_i P_i, over units with n_i ≥ 2
  let min = Infinity;
  let max = 0;
  const counts: Counts = { units: 0, unpairedUnits: 0, raters: 0, ratingsPerUnit: null, excludedValues: 0 };

  for (const unit of units) {
    const w = unit.weight ?? 1;
    const inUnit = new Map<V, number>();
    let ni = 0;
    for (const { raterId, value } of unit.values) {
      if (allowed && !allowed.has(value)) {
        counts.excludedValues += w;
        continue;
      }
      inUnit.set(value, (inUnit.get(value) ?? 0) + 1);
      raters.add(raterId);
      ni++;
    }
    if (ni === 0) continue;
    ratedUnits += w;
    for (const [value, nij] of inUnit) shares.set(value, (shares.get(value) ?? 0) + (w * nij) / ni);
    if (ni === 1) {
      counts.unpairedUnits += w;
      continue;
    }
    counts.units += w;
    min = Math.min(min, ni);
    max = Math.max(max, ni);
    let pairs = 0;
    for (const nij of inUnit.values()) pairs += nij * (nij - 1);
    agreementSum += (w * pairs) / (ni * (ni - 1));
  }
  counts.raters = raters.size;
  if (counts.units > 0) counts.ratingsPerUnit = { min, max };

  const undefinedKappa = (reason: UndefinedReason): FleissKappa => ({
    ...counts,
    kappa: null,
    reason,
    observedAgreement: null,
    chanceAgreement: null,
  });
  if (counts.units === 0) return undefinedKappa("no-pairable-values");
  // P̄_e = 1 exactly when one category holds every rating: decided on counts, not on a float.
  if (shares.size < 2) return undefinedKappa("no-variation");

  const observedAgreement = agreementSum / counts.units;
  let chanceAgreement = 0;
  for (const share of shares.values()) chanceAgreement += (share / ratedUnits) ** 2;
  return {
    ...counts,
    kappa: (observedAgreement - chanceAgreement) / (1 - chanceAgreement),
    reason: null,
    observedAgreement,
    chanceAgreement,
  };
}
