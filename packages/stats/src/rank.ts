/**
 * Ranks shown beside ratings. Two kinds, because a point estimate alone overstates what a study
 * can tell apart:
 *
 * - the plain rank by point estimate (1 = best, equal ratings share a rank), and
 * - the rank with upper bound, as LMSYS Chatbot Arena shows it ("Rank (UB)"): one plus the number
 *   of models that are better beyond doubt, i.e. whose interval lies entirely above this model's.
 */

/** A model's confidence interval, on any scale where higher is better. */
export type ModelInterval = { model: string; low: number; high: number };

/**
 * Rank with upper bound (Chiang et al., "Chatbot Arena: An Open Platform for Evaluating LLMs by
 * Human Preference", 2024, §5; FastChat's `fastchat/serve/monitor/elo_analysis.py`):
 *
 *   rankUB(m) = 1 + #{ m' : low(m') > high(m) }
 *
 * Models whose intervals overlap share ranks, so the number says "at worst this model is the r-th
 * best that the data can tell apart". Strict inequality: touching intervals are not separated.
 * Cost O(n log n): sort the lower bounds once, then a binary search per model.
 */
export function rankWithUpperBound(items: readonly ModelInterval[]): Map<string, number> {
  const lows = Float64Array.from(items, (item) => item.low).sort();
  const ranks = new Map<string, number>();
  for (const item of items) ranks.set(item.model, 1 + countAbove(lows, item.high));
  return ranks;
}

/**
 * Plain competition rank ("1224" ranking) by point estimate:
 *
 *   rank(m) = 1 + #{ m' : rating(m') > rating(m) }
 *
 * Equal ratings share the better rank, so two models never differ in rank without differing in
 * rating.
 */
export function rankByRating(items: readonly { model: string; rating: number }[]): Map<string, number> {
  const ratings = Float64Array.from(items, (item) => item.rating).sort();
  const ranks = new Map<string, number>();
  for (const item of items) ranks.set(item.model, 1 + countAbove(ratings, item.rating));
  return ranks;
}

/** How many values of the ascending array are strictly greater than `x` (binary search). */
function countAbove(ascending: Float64Array, x: number): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ascending[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return ascending.length - lo;
}
