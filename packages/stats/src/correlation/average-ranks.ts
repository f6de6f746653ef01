/**
 * Ranks 1…n with ties given the average of the ranks they span ("fractional" or "average"
 * ranking, scipy.stats.rankdata's default): [10, 20, 20, 30] → [1, 2.5, 2.5, 4].
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && order[end]!.v === order[start]!.v) end++;
    const rank = (start + 1 + end) / 2; // the mean of ranks start+1 … end
    for (let k = start; k < end; k++) ranks[order[k]!.i] = rank;
    start = end;
  }
  return ranks;
}
