/**
 * The exact binomial test, in log space so that it stays exact for n up to 10⁶ and beyond, where
 * binomial coefficients overflow and probabilities underflow.
 */

const LN_2PI = Math.log(2 * Math.PI);

/**
 * stirlerr(n) = ln n! − [(n + ½) ln n − n + ½ ln 2π], the error of Stirling's formula, for
 * n = 0 … 15 (entry 0 is unused), computed with mpmath at 40 digits:
 * `mp.loggamma(n+1) - (n+0.5)*mp.log(n) + n - mp.log(mp.sqrt(2*mp.pi))`.
 */
const STIRLING_ERROR = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475,
  0.005554733551962801,
];

/** stirlerr(n) for a whole n ≥ 1: the table, then the asymptotic series 1/12n − 1/360n³ + … */
function stirlingError(n: number): number {
  if (n <= 15) return STIRLING_ERROR[n]!;
  const nn = n * n;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/**
 * bd0(x, M) = x ln(x/M) + M − x, the deviance term, without the cancellation of the direct form
 * when x ≈ M (a series in v = (x − M)/(x + M) there).
 */
function deviance(x: number, mean: number): number {
  if (Math.abs(x - mean) < 0.1 * (x + mean)) {
    let v = (x - mean) / (x + mean);
    let sum = (x - mean) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / mean) + mean - x;
}

/**
 * ln P(X = k) for X ~ Binomial(n, p), by Loader's saddle-point expansion ("Fast and Accurate
 * Computation of Binomial Probabilities", 2000; R's dbinom_raw):
 *
 *   ln P = stirlerr(n) − stirlerr(k) − stirlerr(n − k) − bd0(k, np) − bd0(n − k, nq)
 *          − ½ ln(2π k (n − k) / n)
 *
 * accurate to a few ulps for any n, where ln C(n, k) from log-gamma loses digits to cancellation
 * as n grows. −Infinity for an impossible k.
 */
export function binomialLogProbability(k: number, n: number, p: number): number {
  const q = 1 - p;
  if (k < 0 || k > n) return -Infinity;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (q === 0) return k === n ? 0 : -Infinity;
  if (k === 0) return n === 0 ? 0 : n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const lc =
    stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, n * p) - deviance(n - k, n * q);
  return lc - 0.5 * (LN_2PI + Math.log(k) + Math.log1p(-k / n));
}

/**
 * Two-sided exact binomial test of H₀: success probability = p, as scipy.stats.binomtest(k, n,
 * p).pvalue (scipy ≥ 1.7; the "minlike" rule, as R's binom.test): the probability, under H₀, of
 * every outcome no more likely than the one observed,
 *
 *   p-value = min(1, Σ_{i : P(i) ≤ P(k)·(1 + 10⁻⁷)} P(i)),   P(i) = C(n, i) pⁱ (1 − p)ⁿ⁻ⁱ
 *
 * (the 10⁻⁷ relative tolerance is scipy's and R's, so that the mirror outcome of a symmetric
 * test counts despite rounding), and exactly 1 when k = np or when every outcome counts.
 *
 * P is unimodal, so the outcomes counted are two tails: the observed side from k outwards, and
 * on the other side of np the outcomes from the first one that is no more likely, found by
 * bisection. Tails are summed from their largest term until the rest cannot change the sum, so
 * the cost is O(√n) terms, not n; each term comes from binomialLogProbability, so nothing
 * overflows at n = 10⁶. A p-value below ~10⁻³⁰⁸ underflows to 0, as in scipy.
 */
export function binomialTestTwoSided(k: number, n: number, p = 0.5): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, not ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n)
    throw new RangeError(`k must be a whole number in 0…${n}, not ${k}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be within 0…1, not ${p}`);
  const mean = n * p;
  if (k === mean) return 1;
  const logPk = binomialLogProbability(k, n, p);
  if (logPk === -Infinity) return 0; // k impossible under H₀ (p = 0 or 1): nothing is as unlikely
  const threshold = logPk + Math.log1p(1e-7);
  const logP = (i: number) => binomialLogProbability(i, n, p);

  let total: number;
  if (k < mean) {
    // From ceil(np) up, P does not increase: find the first outcome no more likely than k.
    let lo = Math.ceil(mean);
    let hi = n + 1; // n + 1: none is
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (logP(mid) <= threshold) hi = mid;
      else lo = mid + 1;
    }
    if (lo <= k + 1) return 1; // the two tails are every outcome
    total = tailSum(logP, k, -1, 0) + (lo <= n ? tailSum(logP, lo, 1, n) : 0);
  } else {
    // Up to floor(np), P does not decrease: find the last outcome no more likely than k.
    let lo = -1; // −1: none is
    let hi = Math.floor(mean);
    while (lo < hi) {
      const mid = Math.floor((lo + hi + 1) / 2);
      if (logP(mid) <= threshold) lo = mid;
      else hi = mid - 1;
    }
    if (lo >= k - 1) return 1;
    total = tailSum(logP, k, 1, n) + (lo >= 0 ? tailSum(logP, lo, -1, 0) : 0);
  }
  return Math.min(1, total);
}

/**
 * Σ P(i) from `start` towards `end` by `step`, where P decreases along the way. The binomial is
 * log-concave, so each ratio r = P(i)/P(i − step) bounds all later ones and the rest of the tail
 * is at most P(i)·r/(1 − r): the sum stops when that is below 2⁻⁶⁰ of it.
 */
function tailSum(logP: (i: number) => number, start: number, step: 1 | -1, end: number): number {
  let sum = 0;
  let previous = 0; // none yet
  for (let i = start; step > 0 ? i <= end : i >= end; i += step) {
    const term = Math.exp(logP(i));
    sum += term;
    if (term === 0) break;
    const ratio = previous > 0 ? term / previous : 1;
    if (ratio < 1 && (term * ratio) / (1 - ratio) <= sum * 2 ** -60) break;
    previous = term;
  }
  return sum;
}
