/**
 * Ratings arranged by unit — the shape every agreement coefficient here reads — and the
 * conversion from pairwise judgments. Raters excluded for quality are left out by the caller,
 * before any of this runs, so that they are left out of every figure alike.
 */
import type { Outcome, PairwiseJudgment } from "../outcomes";

/**
 * One rated unit (an item: one prompt, one pair of outputs, one axis) and the values its raters
 * gave. Values are category labels (nominal) or ordered values (ordinal: ranks, scale points).
 * A rater who did not rate the unit is simply absent: missing values need no placeholder.
 */
export type RatingUnit<V extends string | number> = {
  unitId: string;
  values: { raterId: string; value: V }[];
  /**
   * How many identical units this one stands for (a frequency weight; default 1). The item
   * bootstrap resamples patterns of values with counts instead of copying units, so each round
   * costs the number of distinct patterns, not the number of items.
   */
  weight?: number;
};

/**
 * Why a coefficient has no value. The page explains it instead of showing NaN:
 * - "no-pairable-values": no unit has two or more ratings, so no one's answer can be compared
 *   with anyone else's (no data, or every item rated once);
 * - "no-variation": every comparable answer is the same category, so chance agreement is total
 *   and the coefficient is 0/0 (α's expected disagreement D_e is 0; κ's 1 − P̄_e is 0).
 */
export type UndefinedReason = "no-pairable-values" | "no-variation";

/** The four pairwise answers as nominal categories, in the order the pages list them. */
export const OUTCOME_CATEGORIES: readonly Outcome[] = ["A", "tie", "B", "bothBad"];

/**
 * The order of preference on a pairwise axis: A better < no preference < B better. "Both bad"
 * is not on it: it says neither output is acceptable, not which one is preferred nor that they
 * are equally good, so ordinal coefficients over this order leave it out (and count it).
 * Putting it at the tie would make "both bad" and "tie, both fine" agree perfectly.
 */
export const PREFERENCE_ORDER: readonly Outcome[] = ["A", "tie", "B"];

/**
 * The judgments of one axis as rating units, one unit per item, in the order items first appear.
 * A rater counts once per item: when a rater has several judgments of the same item (judgments
 * are append-only, so a correction is a later row), the last one in input order is kept, which
 * is the correction when the caller passes judgments in the order they were made.
 */
export function toOutcomeUnits(judgments: readonly PairwiseJudgment[]): RatingUnit<Outcome>[] {
  const byItem = new Map<string, Map<string, Outcome>>();
  for (const j of judgments) {
    let raters = byItem.get(j.itemId);
    if (!raters) byItem.set(j.itemId, (raters = new Map()));
    // Deleting first moves a corrected answer to the end, so values stay in answering order.
    raters.delete(j.raterId);
    raters.set(j.raterId, j.outcome);
  }
  return [...byItem.entries()].map(([unitId, raters]) => ({
    unitId,
    values: [...raters.entries()].map(([raterId, value]) => ({ raterId, value })),
  }));
}
