import type { Interval, PairCounts, PairwiseJudgment } from "../outcomes";
import { seededRandom } from "../random";
import { wilsonInterval } from "../wilson";
import {
  percentileInterval,
  resampleClusterTotals,
  seedForKey,
  type ResamplingStrategy,
} from "./cluster-bootstrap";
import { countByPairAndPrompt, type PairClusters } from "./group";
import { majorityPerItem } from "./majority";
import { zForLevel } from "./normal";
import { pairKey } from "./tally";

/** Why a number is missing, in a form the results page can explain (code) and show (message). */
export type Unavailable = {
  code: "no-judgments" | "no-decisive-judgments" | "one-prompt" | "no-variation" | "few-defined-resamples";
  message: string;
};

/** A caution shown beside a pair's numbers; the numbers are still there. */
export type SampleWarning = { code: "few-judgments" | "few-prompts"; message: string };

/**
 * Everything the results page shows for one model pair on one axis. Model A is the one that sorts first.
 *
 * - winRate: the share of decisive judgments — those where a winner was picked — that A won,
 *   aWins / (aWins + bWins). Ties and "both bad" say neither output was better, so they are not
 *   half-wins here; they show in `counts` and in the net win rate's denominator. Because it is a
 *   proportion of binary trials, the Wilson interval fits it exactly — under the assumption that
 *   judgments are independent, which raters of one prompt are not; the cluster bootstrap beside it
 *   does not assume that, and is the one to trust when the two differ.
 * - netWinRate: (aWins − bWins) / total, ties and "both bad" in the denominator — Movie Gen's "net win
 *   rate" (Polyak et al., 2024), from −1 (B always wins) to +1 (A always wins). It is a difference of
 *   two multinomial shares, so there is no Wilson interval for it; the interval is the cluster bootstrap.
 *   `designEffect` is its bootstrap variance over the variance it would have if all `total` judgments were
 *   independent, (p̂A + p̂B − (p̂A − p̂B)²)/total (Kish, Survey Sampling, 1965): how many judgments one
 *   independent judgment is worth, inverted; the planner uses it.
 *
 * A null value or interval comes with `reason`; no field is ever NaN or Infinity.
 */
export type PairResult = {
  modelA: string;
  modelB: string;
  /** "modelA|modelB", as nextPairToServe returns it. */
  key: string;
  counts: PairCounts;
  total: number;
  /** aWins + bWins: the judgments the win rate is a share of. */
  decisive: number;
  /** Distinct prompts: the clusters the bootstrap resamples. */
  prompts: number;
  /** Coverage of every interval below, e.g. 0.95. */
  level: number;
  winRate: {
    value: number | null;
    wilson: Interval | null;
    bootstrap: Interval | null;
    reason: Unavailable | null;
  };
  netWinRate: {
    value: number | null;
    bootstrap: Interval | null;
    designEffect: number | null;
    reason: Unavailable | null;
  };
  warnings: SampleWarning[];
};

export type PairwiseOptions = {
  /** Bootstrap resamples; 1000 (Efron & Tibshirani, An Introduction to the Bootstrap, 1993: percentile intervals need about 1000, far more than a standard error). */
  rounds?: number;
  /** Seed of the resampling; the same seed and judgments give the same intervals. Default 1. */
  seed?: number;
  /** Interval coverage, strictly between 0 and 1; default 0.95. */
  level?: number;
  /** Count every judgment (default), or first reduce each item to its raters' majority (majorityPerItem). */
  aggregation?: "every-judgment" | "majority-per-item";
  /** Pairs to report even when no judgment mentions them (their numbers come back null, with a reason). */
  pairs?: readonly { modelA: string; modelB: string }[];
  /** Thresholds of the warnings; see tooFewJudgments and tooFewPrompts. */
  minimumJudgments?: number;
  minimumPrompts?: number;
  /** How bootstrap rounds draw prompts; both choices give the same distribution (see ResamplingStrategy). */
  resampling?: ResamplingStrategy;
};

/**
 * Fewer than `minimum` judgments make a pair's numbers too imprecise to read on their own; breakdowns by
 * prompt category or tag (which the caller makes by filtering judgments) should flag them. 30 because at
 * n = 30 and an even split the 95% Wilson interval of a win rate is already 0.33…0.67, a third of the
 * scale — below that a clear winner and a coin flip are hard to tell apart — and because below ~30 the
 * sampling distribution of a share is visibly discrete and skewed, so percentile bootstrap intervals
 * lose coverage (the usual n ≥ 30 rule of thumb for the central limit theorem).
 */
export function tooFewJudgments(n: number, minimum = 30): boolean {
  return !(n >= minimum);
}

/**
 * Fewer than `minimum` prompts make the cluster bootstrap too narrow: with G prompts it estimates the
 * variance (G − 1)/G too small and its percentile interval uses normal rather than t quantiles, so for
 * roughly normal prompt means a 95% interval covers about 90% at G = 10, 93% at G = 20 and 94% at
 * G = 50 (P(|t_{G−1}| ≤ 1.96·√((G−1)/G)); Cameron, Gelbach & Miller, "Bootstrap-based improvements for
 * inference with clustered errors", REStat 2008, on the few-clusters problem). 20 keeps the shortfall
 * to about two points.
 */
export function tooFewPrompts(prompts: number, minimum = 20): boolean {
  return !(prompts >= minimum);
}

/**
 * Pairwise results per model pair, from one study's judgments on one axis (filter first for an axis,
 * a category or a tag). See PairResult for the definitions. Intervals:
 *
 * - Wilson score interval of the win rate, k = aWins of n = aWins + bWins (see wilson.ts);
 * - cluster bootstrap, percentile method, for the win rate and the net win rate: `rounds` times, draw
 *   the pair's prompts with replacement (as many as it has) and recompute both statistics from the drawn
 *   prompts' judgments (see cluster-bootstrap.ts for why prompts are the unit). Each pair's generator is
 *   seeded from `seed` and the pair's key. Rounds whose prompts hold no decisive judgment leave the win
 *   rate undefined and are left out of its interval; if they are more than 5%, that interval is null
 *   (with decisive judgments on k prompts, about e^−k of rounds miss them all: k ≥ 3 passes).
 *
 * Judgments are grouped once into per-(pair, prompt) counts; a round sums those, never the judgments, so
 * the cost is one pass over the judgments plus rounds × prompts (or rounds × distinct count rows).
 */
export function pairwiseResults(
  judgments: readonly PairwiseJudgment[],
  options: PairwiseOptions = {},
): PairResult[] {
  const rounds = options.rounds ?? 1000;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new RangeError(`rounds must be a positive integer, got ${rounds}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const z = zForLevel(level);

  const input = options.aggregation === "majority-per-item" ? majorityPerItem(judgments) : judgments;
  const pairs = countByPairAndPrompt(input, options.pairs);
  return pairs.map((pair) =>
    resultOfPair(pair, {
      rounds,
      seed,
      level,
      z,
      minimumJudgments: options.minimumJudgments ?? 30,
      minimumPrompts: options.minimumPrompts ?? 20,
      resampling: options.resampling ?? "auto",
    }),
  );
}

type Settings = {
  rounds: number;
  seed: number;
  level: number;
  z: number;
  minimumJudgments: number;
  minimumPrompts: number;
  resampling: ResamplingStrategy;
};

/** Share of bootstrap rounds in which the win rate must be defined for its interval to be reported. */
const MINIMUM_DEFINED_SHARE = 0.95;

function resultOfPair({ modelA, modelB, clusters }: PairClusters, settings: Settings): PairResult {
  const key = pairKey(modelA, modelB);
  const sums = [0, 0, 0, 0];
  for (let i = 0; i < clusters.counts.length; i++) sums[i % 4]! += clusters.counts[i]!;
  const [aWins, bWins, ties, bothBad] = sums as [number, number, number, number];
  const counts: PairCounts = { modelA, modelB, aWins, bWins, ties, bothBad };
  const total = aWins + bWins + ties + bothBad;
  const decisive = aWins + bWins;
  const prompts = clusters.clusters;

  const result: PairResult = {
    modelA,
    modelB,
    key,
    counts,
    total,
    decisive,
    prompts,
    level: settings.level,
    winRate: { value: null, wilson: null, bootstrap: null, reason: null },
    netWinRate: { value: null, bootstrap: null, designEffect: null, reason: null },
    warnings: warningsFor(total, prompts, settings),
  };
  if (total === 0) {
    const reason: Unavailable = { code: "no-judgments", message: "No judgments of this pair yet." };
    result.winRate.reason = reason;
    result.netWinRate.reason = reason;
    return result;
  }

  const netWinRate = (aWins - bWins) / total;
  result.netWinRate.value = netWinRate;
  if (decisive > 0) {
    result.winRate.value = aWins / decisive;
    const [low, high] = wilsonInterval(aWins, decisive, settings.z);
    // At k = 0 or k = n the Wilson bound is exactly 0 or 1; rounding in centre ± half can miss it by 1 ulp.
    result.winRate.wilson = {
      low: aWins === 0 ? 0 : low,
      high: aWins === decisive ? 1 : high,
      method: "wilson",
    };
  } else {
    result.winRate.reason = {
      code: "no-decisive-judgments",
      message: `No judgment picked a winner (${ties} ties, ${bothBad} both bad), so there is no win rate; the net win rate is 0.`,
    };
  }

  if (prompts < 2) {
    const reason: Unavailable = {
      code: "one-prompt",
      message: "All judgments are on one prompt; the bootstrap resamples prompts and needs at least two.",
    };
    result.netWinRate.reason = reason;
    result.winRate.reason ??= reason;
    return result;
  }

  const random = seededRandom(seedForKey(settings.seed, key));
  const totals = resampleClusterTotals(clusters, settings.rounds, random, settings.resampling);
  const netReplicates = new Float64Array(settings.rounds);
  const winReplicates = new Float64Array(settings.rounds);
  let definedWinRounds = 0;
  for (let round = 0; round < settings.rounds; round++) {
    const row = round * 4;
    const a = totals[row]!;
    const b = totals[row + 1]!;
    const n = a + b + totals[row + 2]! + totals[row + 3]!;
    // Every prompt has at least one judgment, so n > 0 in every round.
    netReplicates[round] = (a - b) / n;
    if (a + b > 0) definedWinRounds++;
    winReplicates[round] = a + b > 0 ? a / (a + b) : Number.NaN;
  }

  const net = percentileInterval(netReplicates, settings.level);
  if (net && net.high > net.low) {
    result.netWinRate.bootstrap = { ...net, method: "cluster-bootstrap" };
  } else {
    result.netWinRate.reason = noVariation("net win rate");
  }
  const pA = aWins / total;
  const pB = bWins / total;
  const independentVariance = (pA + pB - (pA - pB) ** 2) / total;
  if (independentVariance > 0)
    result.netWinRate.designEffect = varianceOf(netReplicates) / independentVariance;

  if (result.winRate.value !== null) {
    if (definedWinRounds < MINIMUM_DEFINED_SHARE * settings.rounds) {
      result.winRate.reason = {
        code: "few-defined-resamples",
        message: `Decisive judgments sit on so few prompts that ${settings.rounds - definedWinRounds} of ${settings.rounds} resamples had none; the bootstrap cannot estimate the win rate's uncertainty.`,
      };
    } else {
      const win = percentileInterval(winReplicates, settings.level);
      if (win && win.high > win.low) result.winRate.bootstrap = { ...win, method: "cluster-bootstrap" };
      else result.winRate.reason = noVariation("win rate");
    }
  }
  return result;
}

/**
 * A zero-width bootstrap interval would claim certainty the data do not give (every judgment, or every
 * prompt, agrees — e.g. all ties); it is reported as missing instead.
 */
function noVariation(what: string): Unavailable {
  return {
    code: "no-variation",
    message: `Every resample gives the same ${what} (the prompts all agree), so the bootstrap cannot estimate its uncertainty.`,
  };
}

function warningsFor(total: number, prompts: number, settings: Settings): SampleWarning[] {
  const warnings: SampleWarning[] = [];
  if (total > 0 && tooFewJudgments(total, settings.minimumJudgments)) {
    warnings.push({
      code: "few-judgments",
      message: `Only ${total} judgments (fewer than ${settings.minimumJudgments}): read these numbers as rough.`,
    });
  }
  if (prompts > 0 && tooFewPrompts(prompts, settings.minimumPrompts)) {
    warnings.push({
      code: "few-prompts",
      message: `Only ${prompts} prompts (fewer than ${settings.minimumPrompts}): the bootstrap intervals are likely too narrow.`,
    });
  }
  return warnings;
}

/** Sample variance (n − 1 denominator) by Welford's update, stable for values near each other. */
function varianceOf(values: Float64Array): number {
  let mean = 0;
  let sumSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const delta = values[i]! - mean;
    mean += delta / (i + 1);
    sumSquares += delta * (values[i]! - mean);
  }
  return values.length > 1 ? sumSquares / (values.length - 1) : 0;
}
