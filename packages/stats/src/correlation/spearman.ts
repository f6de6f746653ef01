/**
 * Spearman's rank correlation: Pearson's correlation of the average ranks (ties share the mean
 * of their ranks), as scipy.stats.spearmanr computes it:
 *
 *   ρ = Σ (r_i − r̄)(s_i − s̄) / √(Σ (r_i − r̄)² · Σ (s_i − s̄)²)
 *
 * Used to say how well an automatic metric orders models the way people do. Null when it is
 * undefined: fewer than two pairs, or one side constant (scipy returns NaN there).
 */
import { averageRanks } from "./average-ranks";

export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new RangeError("spearman: x and y differ in length");
  if (x.length < 2 || x.some((v) => !Number.isFinite(v)) || y.some((v) => !Number.isFinite(v))) return null;
  const r = averageRanks(x);
  const s = averageRanks(y);
  const mean = (x.length + 1) / 2; // the mean of any average ranking of n items
  let num = 0;
  let dr = 0;
  let ds = 0;
  for (let i = 0; i < r.length; i++) {
    const a = r[i]! - mean;
    const b = s[i]! - mean;
    num += a * b;
    dr += a * a;
    ds += b * b;
  }
  return dr === 0 || ds === 0 ? null : num / Math.sqrt(dr * ds);
}
