/**
 * Kendall's τ-b (Kendall 1945; scipy.stats.kendalltau's default), which corrects for ties on
 * either side:
 *
 *   τ_b = (C − D) / √((n₀ − n₁)(n₀ − n₂))
 *
 * with C and D the concordant and discordant pairs, n₀ = n(n−1)/2, and n₁, n₂ the pairs tied in
 * x and in y. O(n²) over pairs: it compares models (tens), not judgments. Null when undefined
 * (fewer than two items, or one side constant), where scipy returns NaN.
 */
export function kendallTauB(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new RangeError("kendallTauB: x and y differ in length");
  if (x.length < 2 || x.some((v) => !Number.isFinite(v)) || y.some((v) => !Number.isFinite(v))) return null;
  let score = 0;
  let tiedX = 0;
  let tiedY = 0;
  let pairs = 0;
  for (let i = 0; i < x.length; i++)
    for (let j = i + 1; j < x.length; j++) {
      pairs++;
      const dx = Math.sign(x[i]! - x[j]!);
      const dy = Math.sign(y[i]! - y[j]!);
      if (dx === 0) tiedX++;
      if (dy === 0) tiedY++;
      score += dx * dy; // +1 concordant, −1 discordant, 0 tied on either side
    }
  const denominator = Math.sqrt((pairs - tiedX) * (pairs - tiedY));
  return denominator === 0 ? null : score / denominator;
}
