/**
 * Wilson score interval for a binomial proportion (Wilson, 1927; recommended over the Wald
 * interval by Brown, Cai & DasGupta, "Interval Estimation for a Binomial Proportion", 2001):
 *
 *   centre = (p̂ + z²/2n) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)
 *
 * With n = 0 nothing is known and the interval is [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): [number, number] {
  if (!(n > 0)) return [0, 1];
  if (successes < 0 || successes > n) throw new RangeError(`successes must be within 0…${n}`);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
