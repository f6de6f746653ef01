import type { RatingUnit, UndefinedReason } from "./units";

/**
 * How far apart two values are: "nominal" (same or different), "ordinal" (ranks; the distance
 * grows with how many values were given between them) or "interval" (numeric differences).
 */
export type MeasurementLevel = "nominal" | "ordinal" | "interval";

export type KrippendorffOptions<V extends string | number> =
  | { level: "nominal" }
  /**
   * `order` lists the values from lowest to highest (e.g. PREFERENCE_ORDER, or the scale
   * −2 … 2). Values not in it are left out and counted in `excludedValues`. Without it, numeric
   * values are ordered by size; labels need it.
   */
  | { level: "ordinal"; order?: readonly V[] }
  /** Numeric values only (e.g. the five-point scale), δ² = (c − k)². */
  | { level: "interval" };

type Counts = {
  level: MeasurementLevel;
  /** n: values in units with two or more values — the values alpha is computed from. */
  pairableValues: number;
  /** Units with two or more values. */
  units: number;
  /** Units with fewer than two values: nobody to agree with, so they are left out. */
  unpairedUnits: number;
  /** Values outside the ordinal `order`, left out (e.g. "both bad" on the preference order). */
  excludedValues: number;
};

export type KrippendorffAlpha = Counts &
  (
    | {
        alpha: number;
        reason: null;
        /** D_o, the observed disagreement. */
        observedDisagreement: number;
        /** D_e, the disagreement expected by chance. */
        expectedDisagreement: number;
      }
    | { alpha: null; reason: UndefinedReason; observedDisagreement: null; expectedDisagreement: null }
  );

/**
 * Krippendorff's alpha, by the coincidence matrix of Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability" (2011), which handles missing values and any number of raters per unit:
 *
 *   o_ck = Σ_u (number of c–k pairs of values in unit u) / (m_u − 1)   over units with m_u ≥ 2
 *   n_c  = Σ_k o_ck,  n = Σ_c n_c
 *   D_o  = (1/n) Σ_c Σ_k o_ck δ²_ck
 *   D_e  = 1/(n(n − 1)) Σ_c Σ_k n_c n_k δ²_ck
 *   α    = 1 − D_o / D_e
 *
 * with δ²_ck = [c ≠ k] (nominal), (Σ_{g=c..k} n_g − (n_c + n_k)/2)² (ordinal, over the ranks
 * c ≤ k) and (c − k)² (interval). A unit with fewer than two values has no pair and is left out.
 *
 * Which rater gave a value does not matter here, only which unit it belongs to. When every
 * pairable value is the same, D_e = 0 and α = 1 − 0/0 is undefined: `alpha` is null with reason
 * "no-variation" rather than 1 or NaN. Without any pairable unit: "no-pairable-values".
 *
 * Checked against the paper's worked example (4 observers, 12 units, missing values):
 * nominal 0.743, ordinal 0.815, interval 0.849.
 */
export function krippendorffAlpha<V extends string | number>(
  units: readonly RatingUnit<V>[],
  options: KrippendorffOptions<V>,
): KrippendorffAlpha {
  const scale = scaleFor(units, options);
  const q = scale.values.length;

  // o_ck, and the marginals n_c counted directly (exact integers, not sums of fractions).
  const coincidences = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  const marginals = new Array<number>(q).fill(0);
  const counts: Counts = {
    level: options.level,
    pairableValues: 0,
    units: 0,
    unpairedUnits: 0,
    excludedValues: 0,
  };
  for (const unit of units) {
    const w = unit.weight ?? 1;
    const inUnit = new Map<number, number>();
    let m = 0;
    for (const { value } of unit.values) {
      const c = scale.index.get(value);
      if (c === undefined) {
        counts.excludedValues += w;
        continue;
      }
      inUnit.set(c, (inUnit.get(c) ?? 0) + 1);
      m++;
    }
    if (m < 2) {
      counts.unpairedUnits += w;
      continue;
    }
    counts.units += w;
    counts.pairableValues += m * w;
    for (const [c, nc] of inUnit) {
      marginals[c]! += nc * w;
      const row = coincidences[c]!;
      // Ordered pairs of distinct values of the unit: c with itself n_c(n_c − 1) times.
      for (const [k, nk] of inUnit) row[k]! += (w * (c === k ? nc * (nc - 1) : nc * nk)) / (m - 1);
    }
  }

  const n = counts.pairableValues;
  if (n === 0) return undefinedAlpha(counts, "no-pairable-values");
  // D_e = 0 exactly when a single value was given: decided on the counts, not on a float.
  if (marginals.filter((nc) => nc > 0).length < 2) return undefinedAlpha(counts, "no-variation");

  const delta2 = distances(scale.values, marginals, options.level);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) {
      const d = delta2(c, k);
      observed += coincidences[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  const observedDisagreement = observed / n;
  const expectedDisagreement = expected / (n * (n - 1));
  return {
    ...counts,
    alpha: 1 - observedDisagreement / expectedDisagreement,
    reason: null,
    observedDisagreement,
    expectedDisagreement,
  };
}

function undefinedAlpha(counts: Counts, reason: UndefinedReason): KrippendorffAlpha {
  return { ...counts, alpha: null, reason, observedDisagreement: null, expectedDisagreement: null };
}

/** The values in their order (ranks for ordinal), and each value's position. */
function scaleFor<V extends string | number>(
  units: readonly RatingUnit<V>[],
  options: KrippendorffOptions<V>,
): { values: V[]; index: Map<V, number> } {
  const seen = new Set<V>();
  for (const unit of units) {
    for (const { value } of unit.values) {
      if (typeof value === "number" && !Number.isFinite(value))
        throw new RangeError(`unit "${unit.unitId}" has a value that is not a finite number: ${value}`);
      seen.add(value);
    }
  }
  let values: V[];
  if (options.level === "ordinal" && options.order) {
    values = [...options.order];
    if (new Set(values).size !== values.length) throw new RangeError("the ordinal order lists a value twice");
  } else if (options.level === "nominal") {
    values = [...seen];
  } else {
    if ([...seen].some((v) => typeof v !== "number"))
      throw new TypeError(
        options.level === "interval"
          ? "interval alpha needs numeric values"
          : "ordinal alpha over labels needs their order (options.order)",
      );
    values = [...seen].sort((a, b) => (a as number) - (b as number));
  }
  return { values, index: new Map(values.map((v, i) => [v, i])) };
}

/** δ²_ck by level, over positions in `values`; `marginals` are the n_g the ordinal metric needs. */
function distances<V extends string | number>(
  values: readonly V[],
  marginals: readonly number[],
  level: MeasurementLevel,
): (c: number, k: number) => number {
  if (level === "nominal") return (c, k) => (c === k ? 0 : 1);
  if (level === "interval") return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
  // Ordinal: Σ_{g=lo..hi} n_g = below[hi + 1] − below[lo], with below[i] = Σ_{g<i} n_g.
  const below = [0];
  for (const ng of marginals) below.push(below[below.length - 1]! + ng);
  return (c, k) => {
    const lo = Math.min(c, k);
    const hi = Math.max(c, k);
    const between = below[hi + 1]! - below[lo]! - (marginals[lo]! + marginals[hi]!) / 2;
    return c === k ? 0 : between * between;
  };
}
