/**
 * The standard normal distribution, as the interval and planning code needs it: z for a chosen
 * confidence level, and Φ for power. Kept here (not in random.ts) because nothing random is involved.
 */

/**
 * Φ(x), the standard normal CDF, through the complementary error function:
 *
 *   Φ(x) = ½ · erfc(−x / √2)
 *
 * erfc by the Chebyshev fit of Numerical Recipes in C (2nd ed., §6.2, `erfcc`), whose fractional error
 * is below 1.2·10⁻⁷ everywhere — relative, so tail probabilities stay accurate too. That is ample for
 * power calculations, which is all it is used for.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError("normalCdf needs a number, got NaN");
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  let polynomial = 0;
  for (let i = ERFC.length - 1; i >= 0; i--) polynomial = polynomial * t + ERFC[i]!;
  const erfc = t * Math.exp(-z * z + polynomial);
  // erfc(z) for z ≥ 0; Φ(x) = ½·erfc(−x/√2), and erfc(−z) = 2 − erfc(z).
  return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

// Coefficients of erfcc's exponent, constant term first: erfc(z) ≈ t·exp(−z² + Σ cᵢ tⁱ), t = 1/(1 + z/2).
const ERFC = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
  -0.82215223, 0.17087277,
];

// Peter J. Acklam's rational approximations of the normal quantile (2003; relative error below
// 1.15·10⁻⁹ on the whole open interval), central region and tails.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/**
 * Φ⁻¹(p), the standard normal quantile, by Acklam's algorithm (P. J. Acklam, "An algorithm for
 * computing the inverse normal cumulative distribution function", 2003): a rational function in
 * q = p − ½ in the centre (p within 0.02425…0.97575) and in √(−2 ln p) in the tails, relative error
 * below 1.15·10⁻⁹; then, unless p is within 10⁻³ of 0 or 1, one Halley refinement step to full
 * double precision.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1))
    throw new RangeError(`normalQuantile needs a probability strictly between 0 and 1, got ${p}`);
  const x = acklam(p);
  if (Math.min(p, 1 - p) < 1e-3) return x;
  // One Halley step on Φ(x) − p, as Acklam suggests, with Φ from a series accurate to ~10⁻¹⁶ absolute:
  // machine precision wherever p is not tiny (so z for 95% is scipy's 1.959963984540054 to the last digits).
  const error = (phiBySeries(x) - p) * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - error / (1 + (x * error) / 2);
}

/**
 * Φ(x) by Marsaglia's Taylor series ("Evaluating the normal distribution", J. Statist. Software 11,
 * 2004): Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …), absolute error near 10⁻¹⁶ for |x| < ~8. Only used
 * where Φ is not tiny, since the error is absolute.
 */
function phiBySeries(x: number): number {
  let sum = x;
  let previous = 0;
  let term = x;
  const square = x * x;
  for (let i = 1; sum !== previous;) {
    previous = sum;
    i += 2;
    term *= square / i;
    sum = previous + term;
  }
  return 0.5 + sum * Math.exp(-0.5 * square - 0.5 * Math.log(2 * Math.PI));
}

function acklam(p: number): number {
  const [a0, a1, a2, a3, a4, a5] = A as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = B as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = C as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = D as [number, number, number, number];
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    const x =
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
    return p < P_LOW ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/** z such that a two-sided interval ±z·se has the given coverage: Φ⁻¹((1 + level) / 2). */
export function zForLevel(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be strictly between 0 and 1, got ${level}`);
  return normalQuantile((1 + level) / 2);
}
