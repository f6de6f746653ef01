/**
 * Newton's method on the penalised log-likelihood ℓ of `fitBradleyTerry` (the formula and the prior
 * are in its doc comment, fit.ts): the pairs ℓ sums over and how counts are loaded into them, ℓ
 * with its gradient and Hessian, the step-halving iteration and the Cholesky solve of each step.
 * Every bootstrap round re-runs it on reloaded counts, so its arrays are made once per fit (the
 * workspace) and reused.
 */
import type { FitState, LikelihoodPairs, OrderedPairs, Workspace } from "./fit-state";

/**
 * Newton stops once its step moves no parameter by more than this (nats; ≈ 1.7·10⁻⁴ Elo points).
 * Convergence is quadratic, so the error left after that last step is of the order of its square.
 */
const TOLERANCE = 1e-6;
/** No single Newton step moves a parameter by more than this many nats (≈ 870 Elo points). */
const MAX_STEP = 5;

export function likelihoodPairs(ordered: OrderedPairs, position: boolean): LikelihoodPairs {
  const ofOrdered = new Int32Array(ordered.length);
  const flipped = new Uint8Array(ordered.length);
  const i: number[] = [];
  const j: number[] = [];
  if (position) {
    for (let q = 0; q < ordered.length; q++) {
      ofOrdered[q] = q;
      i.push(ordered.left[q]!);
      j.push(ordered.right[q]!);
    }
  } else {
    // Without a position term, (a left, b right) and (b left, a right) are the same comparison.
    const slot = new Map<number, number>();
    for (let q = 0; q < ordered.length; q++) {
      const a = ordered.left[q]!;
      const b = ordered.right[q]!;
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      const key = lo * 67108864 + hi;
      let p = slot.get(key);
      if (p === undefined) {
        p = i.length;
        slot.set(key, p);
        i.push(lo);
        j.push(hi);
      }
      ofOrdered[q] = p;
      flipped[q] = a === lo ? 0 : 1;
    }
  }
  return {
    length: i.length,
    i: Int32Array.from(i),
    j: Int32Array.from(j),
    wins: new Float64Array(i.length),
    total: new Float64Array(i.length),
    ofOrdered,
    flipped,
  };
}

/** Loads per-ordered-pair counts into the likelihood pairs: wᵢⱼ = wins + ½·ties, nᵢⱼ = all. */
export function loadPairs(
  state: FitState,
  leftWins: Float64Array,
  rightWins: Float64Array,
  ties: Float64Array,
) {
  const { wins, total, ofOrdered, flipped } = state.pairs;
  wins.fill(0);
  total.fill(0);
  for (let q = 0; q < ofOrdered.length; q++) {
    const p = ofOrdered[q]!;
    const n = leftWins[q]! + rightWins[q]! + ties[q]!;
    const leftShare = leftWins[q]! + ties[q]! / 2;
    total[p] = total[p]! + n;
    wins[p] = wins[p]! + (flipped[q] ? n - leftShare : leftShare);
  }
}

export function createWorkspace(m: number): Workspace {
  return {
    m,
    gradient: new Float64Array(m),
    hessian: new Float64Array(m * m),
    step: new Float64Array(m),
    previous: new Float64Array(m),
    diagonal: new Float64Array(m),
  };
}

/**
 * Maximises ℓ from `x` in place: Newton steps H⁻¹∇ℓ (H = −∇²ℓ, positive definite with a prior or
 * a pinned model per component), each capped at MAX_STEP nats and halved until ℓ does not
 * decrease, so it converges from any start (ℓ is concave); quadratically near the optimum.
 */
export function maximize(state: FitState, x: Float64Array): { iterations: number; converged: boolean } {
  const ws = state.workspace;
  const { m, gradient, hessian, step, previous, diagonal } = ws;
  let objective = evaluate(state, x);
  for (let iteration = 1; iteration <= state.maxIterations; iteration++) {
    for (let a = 0; a < m; a++) diagonal[a] = hessian[a * m + a]!;
    if (!choleskySolve(hessian, m, gradient, step)) {
      // Numerically singular (ratings thousands of points apart): fall back to a scaled gradient step.
      for (let a = 0; a < m; a++) step[a] = gradient[a]! / Math.max(diagonal[a]!, 1e-12);
    }
    let largest = 0;
    for (let a = 0; a < m; a++) largest = Math.max(largest, Math.abs(step[a]!));
    if (largest < TOLERANCE) {
      // Newton converges quadratically: after a step this small the error is of order its square,
      // so take it without another evaluation (a warm-started bootstrap round saves one of ~4).
      for (let a = 0; a < m; a++) x[a] = x[a]! + step[a]!;
      return { iterations: iteration, converged: true };
    }
    const cap = largest > MAX_STEP ? MAX_STEP / largest : 1;
    previous.set(x);
    let t = cap;
    let next = objective;
    for (let halvings = 0; halvings < 60; halvings++) {
      for (let a = 0; a < m; a++) x[a] = previous[a]! + t * step[a]!;
      next = evaluate(state, x);
      if (next >= objective - 1e-12 * (1 + Math.abs(objective))) break;
      t /= 2;
    }
    objective = next;
  }
  return { iterations: state.maxIterations, converged: false };
}

/** ℓ at x; fills the gradient ∇ℓ and H = −∇²ℓ. */
function evaluate(state: FitState, x: Float64Array): number {
  const { m, gradient, hessian } = state.workspace;
  const { i: left, j: right, wins, total, length } = state.pairs;
  const k = state.models.length;
  const position = state.position;
  const gamma = position ? x[k]! : 0;
  gradient.fill(0);
  hessian.fill(0);
  let objective = 0;
  for (let p = 0; p < length; p++) {
    const n = total[p]!;
    if (n === 0) continue;
    const i = left[p]!;
    const j = right[p]!;
    const eta = x[i]! - x[j]! + gamma;
    // σ(η) and log(1 + e^η) from one exponential, without overflow for large |η|.
    const e = Math.exp(-Math.abs(eta));
    const probability = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    objective += wins[p]! * eta - n * (Math.max(eta, 0) + Math.log1p(e));
    const residual = wins[p]! - n * probability;
    const weight = n * probability * (1 - probability);
    gradient[i] = gradient[i]! + residual;
    gradient[j] = gradient[j]! - residual;
    hessian[i * m + i] = hessian[i * m + i]! + weight;
    hessian[j * m + j] = hessian[j * m + j]! + weight;
    hessian[i * m + j] = hessian[i * m + j]! - weight;
    hessian[j * m + i] = hessian[j * m + i]! - weight;
    if (position) {
      gradient[k] = gradient[k]! + residual;
      hessian[k * m + k] = hessian[k * m + k]! + weight;
      hessian[i * m + k] = hessian[i * m + k]! + weight;
      hessian[k * m + i] = hessian[k * m + i]! + weight;
      hessian[j * m + k] = hessian[j * m + k]! - weight;
      hessian[k * m + j] = hessian[k * m + j]! - weight;
    }
  }
  const g = state.priorGames;
  if (g > 0) {
    // g virtual ties against a reference at 0: ½g·x − g·log(1 + eˣ) per parameter.
    for (let a = 0; a < m; a++) {
      const eta = x[a]!;
      const e = Math.exp(-Math.abs(eta));
      const probability = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
      objective += (g / 2) * eta - g * (Math.max(eta, 0) + Math.log1p(e));
      gradient[a] = gradient[a]! + (g / 2 - g * probability);
      hessian[a * m + a] = hessian[a * m + a]! + g * probability * (1 - probability);
    }
  } else if (state.pinned) {
    const pinned = state.pinned;
    for (let a = 0; a < k; a++) {
      if (!pinned[a]) continue;
      gradient[a] = 0;
      for (let b = 0; b < m; b++) {
        hessian[a * m + b] = 0;
        hessian[b * m + a] = 0;
      }
      hessian[a * m + a] = 1;
    }
  }
  return objective;
}

/** Solves A·s = b for symmetric positive definite A (Cholesky, A overwritten); false if A is not. */
function choleskySolve(a: Float64Array, m: number, b: Float64Array, s: Float64Array): boolean {
  for (let j = 0; j < m; j++) {
    let d = a[j * m + j]!;
    for (let p = 0; p < j; p++) d -= a[j * m + p]! * a[j * m + p]!;
    if (!(d > 1e-300)) return false;
    const root = Math.sqrt(d);
    a[j * m + j] = root;
    for (let i = j + 1; i < m; i++) {
      let v = a[i * m + j]!;
      for (let p = 0; p < j; p++) v -= a[i * m + p]! * a[j * m + p]!;
      a[i * m + j] = v / root;
    }
  }
  for (let i = 0; i < m; i++) {
    let v = b[i]!;
    for (let p = 0; p < i; p++) v -= a[i * m + p]! * s[p]!;
    s[i] = v / a[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let v = s[i]!;
    for (let p = i + 1; p < m; p++) v -= a[p * m + i]! * s[p]!;
    s[i] = v / a[i * m + i]!;
  }
  return true;
}
