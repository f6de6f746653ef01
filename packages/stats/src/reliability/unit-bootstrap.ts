import type { Interval } from "../outcomes";
import { percentileInterval } from "../pairwise/cluster-bootstrap";
import { binomial, seededRandom } from "../random";
import type { RatingUnit } from "./units";

/**
 * A percentile bootstrap interval for an agreement coefficient (Krippendorff's alpha, Fleiss'
 * kappa), resampling items with replacement — each item brings all of its ratings — and
 * recomputing the coefficient, as Hayes & Krippendorff recommend ("Answering the call for a
 * standard reliability measure for coding data", Communication Methods and Measures 1(1), 2007).
 * Items, not ratings, are the unit: the ratings of one item are what agreement is about.
 *
 * Rounds where the coefficient is undefined (a resample with no variation) are left out; when
 * they are more than 5% of the rounds the interval is null rather than built on the rest.
 * Seeded: the same items and seed give the same interval.
 */
export function bootstrapOverUnits<V extends string | number>(
  units: readonly RatingUnit<V>[],
  coefficient: (units: readonly RatingUnit<V>[]) => number | null,
  options: { rounds?: number; seed?: number; level?: number } = {},
): Interval | null {
  const rounds = options.rounds ?? 1000;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError("rounds must be a positive integer");
  if (!(level > 0 && level < 1)) throw new RangeError("level must be between 0 and 1");
  const pairable = units.filter((u) => u.values.length >= 2);
  if (pairable.length < 2) return null;
  // Items with the same values (in any order, by any raters) are interchangeable for agreement:
  // resample how many items of each pattern a round draws — a multinomial over the patterns'
  // shares, drawn as sequential exact binomials — instead of drawing items one by one.
  const patterns = new Map<string, { unit: RatingUnit<V>; count: number }>();
  for (const unit of pairable) {
    const key = unit.values
      .map((v) => `${typeof v.value}:${String(v.value)}`)
      .sort()
      .join("\u0000");
    const pattern = patterns.get(key);
    if (pattern) pattern.count++;
    else patterns.set(key, { unit, count: 1 });
  }
  const kinds = [...patterns.values()];
  const random = seededRandom(options.seed ?? 1);
  const replicates = new Float64Array(rounds);
  let undefinedRounds = 0;
  for (let r = 0; r < rounds; r++) {
    const sample: RatingUnit<V>[] = [];
    let left = pairable.length;
    let mass = pairable.length;
    for (const kind of kinds) {
      const drawn = kind === kinds[kinds.length - 1] ? left : binomial(random, left, kind.count / mass);
      if (drawn > 0) sample.push({ ...kind.unit, weight: drawn });
      left -= drawn;
      mass -= kind.count;
    }
    const value = coefficient(sample);
    if (value === null || !Number.isFinite(value)) {
      replicates[r] = NaN;
      undefinedRounds++;
    } else replicates[r] = value;
  }
  if (undefinedRounds > rounds * 0.05) return null;
  const interval = percentileInterval(replicates, level);
  return interval ? { ...interval, method: "bootstrap-items" } : null;
}
