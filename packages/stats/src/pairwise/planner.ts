import type { PairCounts } from "../outcomes";
import { seededRandom } from "../random";
import { seedForKey } from "./cluster-bootstrap";
import { normalCdf, zForLevel } from "./normal";
import { dirichletDraw } from "./sampling";
import { pairKey } from "./tally";
import type { PairResult } from "./win-rates";

/**
 * What a pair's judgments should achieve:
 * - "interval-width": the expected full width (high − low) of the net win rate's interval at most `width`;
 * - "detect-net-win-rate": if the true net win rate is ±`minimum`, the interval excludes 0 with
 *   probability at least `power` (default 0.8, Cohen's convention).
 */
export type PlanTarget =
  | { kind: "interval-width"; width: number }
  | { kind: "detect-net-win-rate"; minimum: number; power?: number };

export type PlanOptions = {
  /** Seed of the posterior draws; default 1. */
  seed?: number;
  /** Posterior draws per pair; default 2000. */
  simulations?: number;
  /** A plan needing more additional judgments than this is "not reachable"; default 100 000. */
  maxAdditional?: number;
  /** Coverage of the interval the target refers to; default 0.95. */
  level?: number;
};

export type PairPlan = {
  modelA: string;
  modelB: string;
  key: string;
  /** Judgments the pair has. */
  current: number;
  /** Judgments the pair should have in all, or null when that is more than current + maxAdditional. */
  needed: number | null;
  /** needed − current (0 when the target is already met), or null as above. */
  additional: number | null;
  reason: { code: "beyond-max-additional"; message: string } | null;
};

/** Current counts of a pair, bare or as pairwiseResults reported them (whose design effect is then used). */
export type PlanInput = PairCounts | PairResult;

/**
 * How many more judgments each pair needs to reach a target, planned by Monte Carlo over what the
 * current counts say about the pair's outcome shares:
 *
 * 1. Posterior: p = (A, B, tie, both bad) shares ~ Dirichlet(counts + 1) — the multinomial's conjugate
 *    posterior under a uniform Dirichlet(1, 1, 1, 1) prior (Gelman et al., Bayesian Data Analysis, 3rd
 *    ed., §3.4). The +1 per outcome lets a pair without judgments still get a plan (any shares equally
 *    likely) and keeps a pair seen only as ties from looking certain; with real counts it fades out.
 *    `simulations` draws p₁…p_S, seeded from `seed` and the pair's key.
 * 2. For a study of N judgments with shares p, the net win rate d̂ = (a − b)/N has variance
 *    deff·V/N with V = pA + pB − (pA − pB)² (the multinomial variance of a difference of two shares),
 *    inflated by the design effect deff ≥ 1 that pairwiseResults measured for the pair (1 for bare counts:
 *    new judgments are assumed to cluster by prompt as the old ones did). Its interval is d̂ ± z·√(deff·V/N).
 * 3. "interval-width": expected width = 2z·√(deff/N)·mean_s √V_s ≤ width, so
 *    needed = ⌈(2z·√deff·mean_s √V_s / width)²⌉.
 *    "detect-net-win-rate": each draw keeps its decisive share δ = pA + pB but is moved to a true net
 *    win rate of m = |minimum| (pA = (δ + m)/2, pB = (δ − m)/2; δ is raised to m when it is smaller,
 *    since a net win rate of m needs at least m decisive), so V_s = δ − m². The interval excludes 0 with
 *    probability Φ(m√N/σ_s − z) + Φ(−m√N/σ_s − z), σ_s = √(deff·V_s) (the normal power function of a
 *    two-sided test; Chow, Shao & Wang, Sample Size Calculations in Clinical Research, 2nd ed., 2008).
 *    Averaged over draws this is increasing in N; needed is the smallest N reaching `power`, by
 *    binary search.
 *
 * The number of judgments to have is planned for the whole pair, as a design question ("how many
 * judgments does this comparison need"), not as a test of the data so far; additional = needed − current.
 * Averaging over the posterior rather than plugging in the observed shares is what makes this a
 * simulation from the current counts: an uncertain pair is planned for the range of shares it may
 * have. Within a draw the sampling distribution is the normal approximation, checked against simulated
 * studies in the tests; it makes the criterion exactly monotone in N, so the search is exact.
 */
export function planSampleSize(
  pairs: readonly PlanInput[],
  target: PlanTarget,
  options: PlanOptions = {},
): PairPlan[] {
  const simulations = options.simulations ?? 2000;
  const maxAdditional = options.maxAdditional ?? 100_000;
  const seed = options.seed ?? 1;
  const z = zForLevel(options.level ?? 0.95);
  if (!Number.isInteger(simulations) || simulations < 1) {
    throw new RangeError(`simulations must be a positive integer, got ${simulations}`);
  }
  if (!Number.isInteger(maxAdditional) || maxAdditional < 0) {
    throw new RangeError(`maxAdditional must be a non-negative integer, got ${maxAdditional}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (target.kind === "interval-width" && !(target.width > 0 && Number.isFinite(target.width))) {
    throw new RangeError(`the target interval width must be a positive number, got ${target.width}`);
  }
  if (target.kind === "detect-net-win-rate") {
    if (!(Math.abs(target.minimum) > 0 && Math.abs(target.minimum) <= 1)) {
      throw new RangeError(`the net win rate to detect must be within −1…1 and not 0, got ${target.minimum}`);
    }
    const power = target.power ?? 0.8;
    if (!(power > 0 && power < 1))
      throw new RangeError(`power must be strictly between 0 and 1, got ${power}`);
  }

  return pairs.map((input) => {
    const counts = "counts" in input ? input.counts : input;
    const measured = "counts" in input ? input.netWinRate.designEffect : null;
    // A measured design effect below 1 is resampling noise far more often than raters who disagree
    // more within a prompt than across prompts; planning on it would promise too much.
    const designEffect = measured !== null && Number.isFinite(measured) ? Math.max(1, measured) : 1;
    const key = pairKey(counts.modelA, counts.modelB);
    const current = counts.aWins + counts.bWins + counts.ties + counts.bothBad;
    const random = seededRandom(seedForKey(seed, key));
    const alphas = [counts.aWins + 1, counts.bWins + 1, counts.ties + 1, counts.bothBad + 1];
    const draws = Array.from({ length: simulations }, () => dirichletDraw(random, alphas));

    const limit = current + maxAdditional;
    let needed: number | null;
    if (target.kind === "interval-width") {
      const meanSd =
        draws.reduce((sum, [pA, pB]) => sum + Math.sqrt(varianceOfNet(pA!, pB!)), 0) / simulations;
      const exact = ((2 * z * Math.sqrt(designEffect) * meanSd) / target.width) ** 2;
      needed = exact <= limit ? Math.max(1, Math.ceil(exact)) : null;
    } else {
      const m = Math.abs(target.minimum);
      const power = target.power ?? 0.8;
      const sds = Float64Array.from(draws, ([pA, pB]) => {
        const decisive = Math.max(pA! + pB!, m);
        return Math.sqrt(designEffect * (decisive - m * m));
      });
      const powerAt = (n: number) => {
        let sum = 0;
        for (const sd of sds) {
          if (sd === 0) {
            sum += 1;
            continue;
          }
          const shift = (m * Math.sqrt(n)) / sd;
          sum += normalCdf(shift - z) + normalCdf(-shift - z);
        }
        return sum / sds.length;
      };
      needed = smallestReaching(powerAt, power, Math.max(1, limit));
    }

    const additional = needed === null ? null : Math.max(0, needed - current);
    return {
      modelA: counts.modelA,
      modelB: counts.modelB,
      key,
      current,
      needed,
      additional,
      reason:
        additional === null
          ? {
              code: "beyond-max-additional",
              message: `This target needs more than ${maxAdditional} further judgments for this pair.`,
            }
          : null,
    };
  });
}

/** Var(d̂)·N for shares pA, pB: Var(p̂A − p̂B) = (pA + pB − (pA − pB)²)/N for one multinomial sample. */
function varianceOfNet(pA: number, pB: number): number {
  return pA + pB - (pA - pB) ** 2;
}

/** The smallest n in 1…limit with value(n) ≥ goal for an increasing value(n), or null if none. */
function smallestReaching(value: (n: number) => number, goal: number, limit: number): number | null {
  if (value(limit) < goal) return null;
  let low = 1;
  let high = limit;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (value(middle) >= goal) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The pair the adaptive comparison plan should serve next: the one furthest from its target relative to
 * what it has — the largest share of its needed judgments still missing, additional / (current +
 * additional), which orders pairs as additional / current does without dividing by zero (a pair with
 * no judgments comes first). Ties go to the pair with more missing judgments, then by key. Returns the
 * key "modelA|modelB", or null when every pair has met the target or cannot within maxAdditional
 * (serving those would not help; the caller falls back to its default order).
 * Pass every pair the study compares, with zero counts for those not judged yet.
 */
export function nextPairToServe(
  pairs: readonly PlanInput[],
  target: PlanTarget,
  options: PlanOptions = {},
): string | null {
  let best: { key: string; share: number; additional: number } | null = null;
  for (const plan of planSampleSize(pairs, target, options)) {
    if (plan.additional === null || plan.additional === 0) continue;
    const share = plan.additional / (plan.current + plan.additional);
    if (
      !best ||
      share > best.share ||
      (share === best.share && plan.additional > best.additional) ||
      (share === best.share && plan.additional === best.additional && plan.key < best.key)
    ) {
      best = { key: plan.key, share, additional: plan.additional };
    }
  }
  return best?.key ?? null;
}
