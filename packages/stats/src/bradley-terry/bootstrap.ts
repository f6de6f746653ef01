/**
 * Bootstrap intervals for the ratings: `bootstrapBradleyTerry` refits every resample from the point
 * estimate's state, then takes percentile intervals and ranks; its two resamplers redraw the counts
 * per ordered pair or whole prompts.
 */
import type { PairwiseJudgment } from "../outcomes";
import { binomial, seededRandom, type Random } from "../random";
import { rankByRating, rankWithUpperBound } from "../rank";
import { ELO_PER_NAT } from "./elo-scale";
import { anchoredRatings, prepareFit, publicFit } from "./fit";
import type { FitState } from "./fit-state";
import { loadPairs, maximize } from "./newton";
import { sideCountsOf } from "./side-counts";
import { compareText } from "./text";
import type {
  BradleyTerryBootstrap,
  BradleyTerryBootstrapOptions,
  BradleyTerryWarning,
  RatingWithInterval,
  SideCounts,
} from "./types";

/**
 * Bootstrap percentile intervals for the ratings (FastChat's `get_bootstrap_result`: 1,000 rounds,
 * 2.5 % and 97.5 % quantiles; Efron & Tibshirani, "An Introduction to the Bootstrap", 1993, §13.3),
 * the quantiles taken as the (B + 1)·α-th ordered values (see `quantile`). Each round is anchored
 * like the point estimate and warm-started from it. Two resampling schemes:
 *
 * - `{ counts }` → "bootstrap-multinomial": each ordered pair's (left wins, right wins, ties) is
 *   redrawn from Multinomial(n, observed proportions). This is the ordinary bootstrap of judgments
 *   stratified by ordered pair (the design fixes how often each pair is shown on each side), done on
 *   counts, so a round costs O(models²) however many judgments there are.
 * - `{ judgments }` → "bootstrap-prompts": prompts are drawn with replacement, each bringing all of
 *   its judgments (the cluster bootstrap; Davison & Hinkley, "Bootstrap Methods and their
 *   Application", 1997, §3.8). Judgments of one prompt are not independent — some prompts favour a
 *   model — and this interval accounts for it; it is the one to show when prompts were shared.
 *
 * `rank` and `rankUpperBound` are computed within each connected component of models.
 */
export function bootstrapBradleyTerry(
  input: { counts: readonly SideCounts[] } | { judgments: readonly PairwiseJudgment[] },
  opts: BradleyTerryBootstrapOptions = {},
): BradleyTerryBootstrap {
  const rounds = opts.rounds ?? 1000;
  const level = opts.level ?? 0.95;
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError("rounds must be a positive integer");
  if (!(level > 0 && level < 1)) throw new RangeError("level must be between 0 and 1");
  const method = "counts" in input ? "bootstrap-multinomial" : "bootstrap-prompts";
  const state = prepareFit("counts" in input ? input.counts : sideCountsOf(input.judgments), opts);
  const fit = publicFit(state);
  const warnings = [...fit.warnings];
  const k = state.models.length;
  const pointRatings = anchoredRatings(state, state.x);

  if (k < 2) {
    const ratings = state.models.map((model, i) => ({
      model,
      rating: pointRatings[i]!,
      interval: { low: pointRatings[i]!, high: pointRatings[i]!, method: "none" as const },
      rank: 1,
      rankUpperBound: 1,
      judgments: state.judgments[i]!,
    }));
    return { ratings, positionAdvantage: null, fit, rounds: 0, level, seed, method, warnings };
  }

  const random = seededRandom(seed);
  const resample =
    "counts" in input
      ? multinomialResampler(state, random, warnings)
      : promptResampler(state, input.judgments, random);
  const pairs = state.ordered.length;
  const leftWins = new Float64Array(pairs);
  const rightWins = new Float64Array(pairs);
  const ties = new Float64Array(pairs);
  const samples = new Float64Array(k * rounds);
  const positionSamples = new Float64Array(state.position ? rounds : 0);
  const x = new Float64Array(state.x.length);
  const present = new Float64Array(k);
  const roundRatings = new Float64Array(k);
  const missingRounds = new Int32Array(k);
  let notConverged = 0;
  for (let b = 0; b < rounds; b++) {
    resample(leftWins, rightWins, ties);
    loadPairs(state, leftWins, rightWins, ties);
    x.set(state.x);
    const result = maximize(state, x);
    if (!result.converged) notConverged++;
    anchoredRatings(state, x, roundRatings);
    for (let i = 0; i < k; i++) samples[i * rounds + b] = roundRatings[i]!;
    if (state.position) positionSamples[b] = ELO_PER_NAT * x[k]!;
    if (method === "bootstrap-prompts") {
      present.fill(0);
      for (let q = 0; q < pairs; q++) {
        const n = leftWins[q]! + rightWins[q]! + ties[q]!;
        present[state.ordered.left[q]!] = present[state.ordered.left[q]!]! + n;
        present[state.ordered.right[q]!] = present[state.ordered.right[q]!]! + n;
      }
      for (let i = 0; i < k; i++) if (present[i] === 0) missingRounds[i] = missingRounds[i]! + 1;
    }
  }
  if (notConverged > 0) {
    warnings.push({
      kind: "bootstrap-not-converged",
      rounds: notConverged,
      message: `${notConverged} of ${rounds} bootstrap rounds stopped before converging; their ratings are used as they stood.`,
    });
  }
  missingRounds.forEach((missing, i) => {
    if (missing === 0) return;
    const model = state.models[i]!;
    warnings.push({
      kind: "bootstrap-missing-model",
      model,
      rounds: missing,
      message: `${model} had no judgments in ${missing} of ${rounds} resamples of prompts (it was judged on too few prompts); in those its rating fell back to the prior, so read its interval with care.`,
    });
  });

  const alpha = (1 - level) / 2;
  const intervals = state.models.map((model, i) => {
    const column = samples.subarray(i * rounds, (i + 1) * rounds).sort();
    return { model, low: quantile(column, alpha), high: quantile(column, 1 - alpha) };
  });
  const ratings: RatingWithInterval[] = [];
  for (const members of state.components) {
    const group = members.map((i) => ({ ...intervals[i]!, rating: pointRatings[i]! }));
    const ranks = rankByRating(group);
    const upper = rankWithUpperBound(group);
    for (const i of members) {
      const model = state.models[i]!;
      ratings.push({
        model,
        rating: pointRatings[i]!,
        interval: { low: intervals[i]!.low, high: intervals[i]!.high, method },
        rank: ranks.get(model)!,
        rankUpperBound: upper.get(model)!,
        judgments: state.judgments[i]!,
      });
    }
  }
  ratings.sort((a, b) => b.rating - a.rating || compareText(a.model, b.model));

  let positionAdvantage: BradleyTerryBootstrap["positionAdvantage"] = null;
  if (state.position) {
    positionSamples.sort();
    positionAdvantage = {
      value: fit.positionAdvantage!,
      interval: { low: quantile(positionSamples, alpha), high: quantile(positionSamples, 1 - alpha), method },
    };
  }
  return { ratings, positionAdvantage, fit, rounds, level, seed, method, warnings };
}

type Resampler = (leftWins: Float64Array, rightWins: Float64Array, ties: Float64Array) => void;

/** Each ordered pair's outcomes redrawn from Multinomial(n, observed proportions). */
function multinomialResampler(state: FitState, random: Random, warnings: BradleyTerryWarning[]): Resampler {
  const { ordered } = state;
  const totals: number[] = [];
  const probabilities: number[][] = [];
  let rounded = false;
  for (let q = 0; q < ordered.length; q++) {
    const lw = ordered.leftWins[q]!;
    const rw = ordered.rightWins[q]!;
    const t = ordered.ties[q]!;
    const n = lw + rw + t;
    if (!Number.isInteger(lw) || !Number.isInteger(rw) || !Number.isInteger(t)) rounded = true;
    totals.push(Math.round(n));
    probabilities.push([lw / n, rw / n, t / n]);
  }
  if (rounded) {
    warnings.push({
      kind: "non-integer-counts",
      message:
        "Some counts are not whole numbers; the bootstrap redrew each pair's rounded total of judgments.",
    });
  }
  return (leftWins, rightWins, ties) => {
    for (let q = 0; q < ordered.length; q++) {
      const n = totals[q]!;
      const [pLeft, pRight] = probabilities[q]!;
      // Multinomial(n; pLeft, pRight, pTie) as sequential binomials, like random.ts's `multinomial`.
      const left = binomial(random, n, pLeft!);
      const right = binomial(random, n - left, pLeft! < 1 ? Math.min(1, pRight! / (1 - pLeft!)) : 0);
      leftWins[q] = left;
      rightWins[q] = right;
      ties[q] = n - left - right;
    }
  };
}

/**
 * Prompts drawn with replacement, each adding all its judgments. Judgments are pre-aggregated per
 * (prompt, ordered pair), so a round costs O(prompts + distinct prompt–pair combinations).
 */
function promptResampler(state: FitState, judgments: readonly PairwiseJudgment[], random: Random): Resampler {
  const k = state.models.length;
  const modelIndex = new Map(state.models.map((model, i) => [model, i]));
  const orderedIndex = new Map<number, number>();
  for (let q = 0; q < state.ordered.length; q++) {
    orderedIndex.set(state.ordered.left[q]! * k + state.ordered.right[q]!, q);
  }
  const promptIndex = new Map<string, number>();
  const n = judgments.length;
  const promptOf = new Int32Array(n);
  const pairOf = new Int32Array(n).fill(-1);
  const outcomeOf = new Uint8Array(n); // 0 left win, 1 right win, 2 tie
  judgments.forEach((judgment, r) => {
    let p = promptIndex.get(judgment.promptId);
    if (p === undefined) {
      p = promptIndex.size;
      promptIndex.set(judgment.promptId, p);
    }
    promptOf[r] = p;
    const a = modelIndex.get(judgment.leftWasA ? judgment.modelA : judgment.modelB);
    const b = modelIndex.get(judgment.leftWasA ? judgment.modelB : judgment.modelA);
    const q = a === undefined || b === undefined ? undefined : orderedIndex.get(a * k + b);
    if (q === undefined) return; // left out of the fit too (invalid counts): same here
    pairOf[r] = q;
    const winner = judgment.outcome;
    outcomeOf[r] = winner === "A" || winner === "B" ? ((winner === "A") === judgment.leftWasA ? 0 : 1) : 2;
  });
  const prompts = promptIndex.size;
  // Counting sort of judgments by prompt, then one entry per (prompt, ordered pair).
  const start = new Int32Array(prompts + 1);
  for (let r = 0; r < n; r++) start[promptOf[r]! + 1] = start[promptOf[r]! + 1]! + 1;
  for (let p = 0; p < prompts; p++) start[p + 1] = start[p + 1]! + start[p]!;
  const order = new Int32Array(n);
  const fill = start.slice(0, prompts);
  for (let r = 0; r < n; r++) {
    const p = promptOf[r]!;
    order[fill[p]!] = r;
    fill[p] = fill[p]! + 1;
  }
  const entryStart = new Int32Array(prompts + 1);
  const entryPair: number[] = [];
  const entryCounts: number[] = [];
  const slot = new Int32Array(state.ordered.length).fill(-1);
  for (let p = 0; p < prompts; p++) {
    const first = entryPair.length;
    for (let s = start[p]!; s < start[p + 1]!; s++) {
      const r = order[s]!;
      const q = pairOf[r]!;
      if (q < 0) continue;
      let e = slot[q]!;
      if (e < first) {
        e = entryPair.length;
        slot[q] = e;
        entryPair.push(q);
        entryCounts.push(0, 0, 0);
      }
      entryCounts[3 * e + outcomeOf[r]!]!++;
    }
    entryStart[p + 1] = entryPair.length;
  }
  const pairs = Int32Array.from(entryPair);
  const outcomeCounts = Float64Array.from(entryCounts);
  const drawn = new Int32Array(prompts);
  return (leftWins, rightWins, ties) => {
    leftWins.fill(0);
    rightWins.fill(0);
    ties.fill(0);
    // How often each prompt was drawn; a prompt drawn w times adds w times its counts. About 37 %
    // of prompts are not drawn at all, whose entries are then skipped.
    drawn.fill(0);
    for (let d = 0; d < prompts; d++) {
      const p = random.int(prompts);
      drawn[p] = drawn[p]! + 1;
    }
    for (let p = 0; p < prompts; p++) {
      const w = drawn[p]!;
      if (w === 0) continue;
      for (let e = entryStart[p]!; e < entryStart[p + 1]!; e++) {
        const q = pairs[e]!;
        leftWins[q] = leftWins[q]! + w * outcomeCounts[3 * e]!;
        rightWins[q] = rightWins[q]! + w * outcomeCounts[3 * e + 1]!;
        ties[q] = ties[q]! + w * outcomeCounts[3 * e + 2]!;
      }
    }
  };
}

/**
 * The p-quantile of B ascending bootstrap values: the (B + 1)·p-th smallest, interpolated (Davison &
 * Hinkley 1997, §5.2.1; Hyndman & Fan 1996, type 6). Why not numpy's default (type 7, the
 * ((B − 1)·p + 1)-th)? The r-th smallest of B draws sits on average at the r/(B + 1) quantile, so
 * type 7 cuts the tails short: with B = 200 its "95 %" interval spans about 94 % of the bootstrap
 * distribution, with B = 1,000 about 94.8 %. Type 6 is unbiased for any B.
 */
function quantile(sorted: Float64Array, p: number): number {
  const h = Math.min(Math.max((sorted.length + 1) * p - 1, 0), sorted.length - 1);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
