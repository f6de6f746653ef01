import { standardNormal, type Random } from "../random";

/**
 * Exact random variates the bootstrap and the planner need beyond random.ts: a binomial that is exact
 * and O(1) for any n (random.ts's `binomial` loops over n trials when n·p·(1−p) < 30 and uses a normal
 * approximation above), and Dirichlet draws for the planner's posterior over outcome shares.
 */

// ln k! for small k, summed exactly once; Stirling's series beyond (see lnFactorial).
const LN_FACTORIAL_TABLE_SIZE = 256;
const lnFactorialTable = (() => {
  const table = new Float64Array(LN_FACTORIAL_TABLE_SIZE);
  for (let k = 1; k < LN_FACTORIAL_TABLE_SIZE; k++) table[k] = table[k - 1]! + Math.log(k);
  return table;
})();
const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln k! — a table below 256, Stirling's series above (Abramowitz & Stegun 6.1.41):
 *
 *   ln k! = k ln k − k + ½ ln(2πk) + 1/(12k) − 1/(360k³) + 1/(1260k⁵) + O(k⁻⁷)
 *
 * At k ≥ 256 the omitted term is below 10⁻²⁰.
 */
export function lnFactorial(k: number): number {
  if (k < LN_FACTORIAL_TABLE_SIZE) return lnFactorialTable[k]!;
  const inv = 1 / k;
  const inv2 = inv * inv;
  return (
    k * Math.log(k) - k + HALF_LN_2PI + 0.5 * Math.log(k) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260))
  );
}

/**
 * An exact draw from Binomial(n, p) in O(1) expected time for any n:
 *
 * - p > ½ is drawn as n − Binomial(n, 1 − p), so below p ≤ ½;
 * - n·p < 10: inversion, walking the pmf from 0 with f(k+1) = f(k)·(n−k)/(k+1)·p/q (Kachitvichyanukul &
 *   Schmeiser 1988, algorithm BINV; expected n·p + 1 steps);
 * - n·p ≥ 10: BTRS, transformed rejection with squeeze (W. Hörmann, "The generation of binomial random
 *   variates", J. Statist. Comput. Simul. 46, 1993), accepting k when
 *   ln v ≤ ln f(k) − ln f(m), m = ⌊(n+1)p⌋ — the form TensorFlow's random_binomial_op uses.
 */
export function exactBinomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - exactBinomial(random, n, 1 - p);
  const q = 1 - p;
  if (n * p < 10) {
    const s = p / q;
    const a = (n + 1) * s;
    const start = Math.pow(q, n);
    for (;;) {
      let u = random.next();
      let f = start;
      let k = 0;
      while (u > f && k < n) {
        u -= f;
        k++;
        f *= a / k - s;
      }
      // Rounding can leave a sliver of u above the total mass; redraw rather than bias the last value.
      if (u <= f) return k;
    }
  }
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = lnFactorial(m) + lnFactorial(n - m);
  for (;;) {
    const u = random.next() - 0.5;
    const v = random.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const logV = Math.log((v * alpha) / (a / (us * us) + b));
    if (logV <= h - lnFactorial(k) - lnFactorial(n - k) + (k - m) * lpq) return k;
  }
}

/**
 * A Gamma(shape, 1) draw for shape ≥ 1 by Marsaglia & Tsang, "A simple method for generating gamma
 * variables" (ACM TOMS 26, 2000): d = shape − ⅓, c = 1/√(9d), v = (1 + c·x)³ with x standard normal,
 * accept d·v when ln u < x²/2 + d − d·v + d·ln v (with the cheap squeeze u < 1 − 0.0331·x⁴ first).
 */
export function gammaDraw(random: Random, shape: number): number {
  if (!(shape >= 1)) throw new RangeError(`gammaDraw needs shape ≥ 1, got ${shape}`);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(random);
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = random.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Dirichlet(α₁…α_k) draw: independent Gamma(αᵢ, 1) draws normalised to sum 1 (Devroye, Non-Uniform
 * Random Variate Generation, 1986, ch. XI). Every αᵢ must be ≥ 1, which the planner's +1 prior ensures.
 */
export function dirichletDraw(random: Random, alphas: readonly number[]): number[] {
  const draws = alphas.map((alpha) => gammaDraw(random, alpha));
  const sum = draws.reduce((total, x) => total + x, 0);
  return draws.map((x) => x / sum);
}
