/**
 * A small seeded pseudo-random generator, so every bootstrap and simulation is reproducible: the
 * same seed on the same data gives the same interval, on any machine. Math.random cannot be seeded.
 *
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, period 2³², passes gjrand's and
 * PractRand's tests up to its period — plenty for resampling, not for cryptography.
 */
export type Random = {
  /** Uniform on [0, 1). */
  next(): number;
  /** Uniform integer on 0…n−1. */
  int(n: number): number;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

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
 * An exact draw from Binomial(n, p) in O(1) expected time for any n — the bootstraps resample
 * counts with it (Bradley–Terry's multinomial bootstrap, the cluster bootstrap's prompt patterns):
 *
 * - p > ½ is drawn as n − Binomial(n, 1 − p), so below p ≤ ½;
 * - n·p < 10: inversion, walking the pmf from 0 with f(k+1) = f(k)·(n−k)/(k+1)·p/q (Kachitvichyanukul &
 *   Schmeiser 1988, algorithm BINV; expected n·p + 1 steps);
 * - n·p ≥ 10: BTRS, transformed rejection with squeeze (W. Hörmann, "The generation of binomial random
 *   variates", J. Statist. Comput. Simul. 46, 1993), accepting k when
 *   ln v ≤ ln f(k) − ln f(m), m = ⌊(n+1)p⌋ — the form TensorFlow's random_binomial_op uses.
 */
export function binomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(random, n, 1 - p);
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

/** A standard normal draw (Box–Muller). */
export function standardNormal(random: Random): number {
  let u = 0;
  while (u === 0) u = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}
