import { standardNormal, type Random } from "../random";

/** Gamma and Dirichlet draws for the planner's posterior over a pair's outcome shares. */

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
