/**
 * Bradley–Terry ratings on the Elo scale, as LMSYS Chatbot Arena computes them, with bootstrap
 * intervals and an optional correction for position (left/right) bias.
 *
 * The model (Bradley & Terry, 1952; Zermelo, 1929): model i beats model j with probability
 *
 *   P(i ≻ j) = πᵢ / (πᵢ + πⱼ) = σ(βᵢ − βⱼ),   βᵢ = ln πᵢ,   σ(η) = 1 / (1 + e^−η)
 *
 * reported on the Elo scale, rating = 400·log₁₀ πᵢ + 1000 = (400 / ln 10)·βᵢ + 1000 — the scale and
 * base of FastChat's `compute_mle_elo` (SCALE = 400, BASE = 10, INIT_RATING = 1000). A tie, and a
 * "both bad" verdict, counts as half a win for each side, as FastChat does (it duplicates every
 * battle and scores a tie as a win for A in one copy and for B in the other).
 *
 * Position advantage, when asked for, is the home-advantage model (Agresti, "Categorical Data
 * Analysis", 2nd ed. 2002, §10.1.3; Hunter, "MM algorithms for generalized Bradley–Terry models",
 * Ann. Statist. 32(1), 2004, §5): with the left-shown model i,
 *
 *   P(left i ≻ right j) = θπᵢ / (θπᵢ + πⱼ) = σ(βᵢ − βⱼ + γ),   γ = ln θ,
 *
 * and the advantage is reported on the same Elo scale, (400 / ln 10)·γ.
 *
 * Everything is fitted on sufficient statistics: per ordered (left, right) pair, the number of
 * left wins, right wins and ties. The log-likelihood only depends on them, so a Newton iteration
 * costs O(models²) for the likelihood plus O(models³) for its linear solve (small next to the first
 * below about a hundred models), however many judgments there are; so does each bootstrap round.
 */
import type { Interval, PairwiseJudgment } from "./outcomes";
import { binomial, seededRandom, type Random } from "./random";
import { rankByRating, rankWithUpperBound } from "./rank";

/** Elo points per natural-log unit of strength: 400 / ln 10 ≈ 173.72. */
const ELO_PER_NAT = 400 / Math.LN10;
/** The rating of an average model (FastChat's INIT_RATING). */
const CENTRE_RATING = 1000;
/**
 * Newton stops once its step moves no parameter by more than this (nats; ≈ 1.7·10⁻⁴ Elo points).
 * Convergence is quadratic, so the error left after that last step is of the order of its square.
 */
const TOLERANCE = 1e-6;
/** No single Newton step moves a parameter by more than this many nats (≈ 870 Elo points). */
const MAX_STEP = 5;

/**
 * Counts of judgments where `left` was shown on the left and `right` on the right: the sufficient
 * statistics of Bradley–Terry with position advantage. A "both bad" verdict is counted in `ties`
 * (FastChat counts "tie (bothbad)" as a tie).
 */
export type SideCounts = { left: string; right: string; leftWins: number; rightWins: number; ties: number };

/** Why a rating needs care before it is shown. Each carries a sentence the page can show as is. */
export type BradleyTerryWarning =
  | { kind: "no-judgments"; message: string }
  | { kind: "too-few-models"; models: string[]; message: string }
  | { kind: "unjudged"; models: string[]; message: string }
  | {
      kind: "invalid-counts";
      left: string;
      right: string;
      reason: "self-comparison" | "unknown-model" | "not-a-count";
      message: string;
    }
  | { kind: "disconnected"; components: string[][]; message: string }
  | { kind: "unbeaten"; model: string; message: string }
  | { kind: "winless"; model: string; message: string }
  | { kind: "separated"; groups: string[][]; message: string }
  | { kind: "position-unidentified"; message: string }
  | { kind: "position-one-sided"; side: "left" | "right"; message: string }
  | { kind: "prior-fallback"; message: string }
  | { kind: "anchor-missing"; model: string; message: string }
  | { kind: "not-converged"; iterations: number; message: string }
  | { kind: "non-integer-counts"; message: string }
  | { kind: "bootstrap-not-converged"; rounds: number; message: string }
  | { kind: "bootstrap-missing-model"; model: string; rounds: number; message: string };

export type BradleyTerryOptions = {
  /** Fit the left-side advantage γ as well (the home-advantage model). Default false. */
  positionAdvantage?: boolean;
  /**
   * Every model of the study. Those without judgments are left out of the ratings and named in an
   * "unjudged" warning; counts naming a model outside the list are skipped with a warning.
   * Default: the models that occur in the counts.
   */
  models?: readonly string[];
  /**
   * Weight of the prior, in virtual games per model (default 1; see `fitBradleyTerry`). 0 asks for
   * the plain maximum-likelihood estimate; where that does not exist the default is used instead
   * and a "prior-fallback" warning says so.
   */
  priorGames?: number;
  /**
   * Pin one model's rating (FastChat pins mixtral-8x7b-instruct-v0.1 at 1114) instead of centring
   * each connected group of models on 1000.
   */
  anchor?: { model: string; rating: number };
  /** Newton iterations at most (default 100; a warm-started bootstrap round takes 2–4). */
  maxIterations?: number;
};

export type BradleyTerryFit = {
  /** The rated models (those with at least one judgment), in code-unit order. */
  models: string[];
  /**
   * Elo-scale ratings. Anchoring: within each connected group of models (`components`) the mean
   * rating is 1000, unless `anchor` pins a model of that group. Only differences within a group
   * mean anything.
   */
  ratings: Record<string, number>;
  /** Fitted left-side advantage in Elo points (positive: the left output is favoured), or null. */
  positionAdvantage: number | null;
  /** Connected groups of the comparison graph; ratings are comparable only within one. */
  components: string[][];
  /** Judgments per rated model (both sides, all outcomes). */
  judgments: Record<string, number>;
  /** The prior weight actually used, in virtual games per model. */
  priorGames: number;
  iterations: number;
  converged: boolean;
  warnings: BradleyTerryWarning[];
};

/** A model's rating with its bootstrap interval and ranks, for the leaderboard. */
export type RatingWithInterval = {
  model: string;
  rating: number;
  interval: Interval;
  /** 1 + models of the same component rated strictly higher. */
  rank: number;
  /** 1 + models of the same component whose interval lies entirely above this one's. */
  rankUpperBound: number;
  judgments: number;
};

export type BradleyTerryBootstrapOptions = BradleyTerryOptions & {
  /** Bootstrap rounds (default 1,000, as FastChat). */
  rounds?: number;
  /** Seed of the resampling (default 1): the same data and seed give the same intervals. */
  seed?: number;
  /** Confidence level of the percentile intervals (default 0.95). */
  level?: number;
};

export type BradleyTerryBootstrap = {
  /** Best first. */
  ratings: RatingWithInterval[];
  /** The left-side advantage with its interval, when it was fitted. */
  positionAdvantage: { value: number; interval: Interval } | null;
  /** The point estimate on all the data. */
  fit: BradleyTerryFit;
  rounds: number;
  level: number;
  seed: number;
  method: "bootstrap-multinomial" | "bootstrap-prompts";
  /** The fit's warnings followed by the bootstrap's own. */
  warnings: BradleyTerryWarning[];
};

/**
 * Aggregates judgments into counts per ordered (left, right) pair in one pass, O(n). The left
 * model is the one the rater saw on the left: `modelA` when `leftWasA`, else `modelB`. "A"/"B"
 * verdicts become left or right wins accordingly; "tie" and "bothBad" are ties. Sorted by left
 * then right model, in code-unit order. A judgment of a model against itself is kept (as its own
 * row), so that the fit can report it rather than lose it silently.
 */
export function sideCountsOf(judgments: readonly PairwiseJudgment[]): SideCounts[] {
  const modelIndex = new Map<string, number>();
  const names: string[] = [];
  const indexOf = (model: string) => {
    let index = modelIndex.get(model);
    if (index === undefined) {
      index = names.length;
      modelIndex.set(model, index);
      names.push(model);
    }
    return index;
  };
  // Slot per ordered pair, keyed by a number (left·2²⁶ + right, exact below 2⁵³) instead of a
  // concatenated string: one million judgments aggregate in tens of milliseconds.
  const slotOf = new Map<number, number>();
  const rows: { left: number; right: number; leftWins: number; rightWins: number; ties: number }[] = [];
  for (const judgment of judgments) {
    const leftModel = judgment.leftWasA ? judgment.modelA : judgment.modelB;
    const rightModel = judgment.leftWasA ? judgment.modelB : judgment.modelA;
    const left = indexOf(leftModel);
    const right = indexOf(rightModel);
    const key = left * 67108864 + right;
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = rows.length;
      slotOf.set(key, slot);
      rows.push({ left, right, leftWins: 0, rightWins: 0, ties: 0 });
    }
    const row = rows[slot]!;
    const winner = judgment.outcome;
    if (winner === "A" || winner === "B") {
      if ((winner === "A") === judgment.leftWasA) row.leftWins++;
      else row.rightWins++;
    } else {
      row.ties++;
    }
  }
  return rows
    .map((row) => ({
      left: names[row.left]!,
      right: names[row.right]!,
      leftWins: row.leftWins,
      rightWins: row.rightWins,
      ties: row.ties,
    }))
    .sort((a, b) => compareText(a.left, b.left) || compareText(a.right, b.right));
}

/**
 * Maximum-likelihood Bradley–Terry ratings with a weak symmetric prior, fitted by Newton's method
 * on the log-strengths β (and γ):
 *
 *   ℓ(β, γ) = Σ₍ᵢ,ⱼ₎ [ wᵢⱼ·ηᵢⱼ − nᵢⱼ·log(1 + e^ηᵢⱼ) ] + Σₐ g·[ ½xₐ − log(1 + e^xₐ) ],
 *   ηᵢⱼ = βᵢ − βⱼ (+ γ),   wᵢⱼ = wins of i over j + ½·ties,   nᵢⱼ = judgments of the pair,
 *
 * where the sum over pairs runs over ordered (left, right) pairs with position advantage and over
 * unordered pairs without, and a runs over the parameters (every β, and γ). ℓ is concave; Newton
 * with step halving converges quadratically, and each iteration costs O(pairs + models³) — a
 * Cholesky solve of the (models+1)² Hessian — independent of the number of judgments.
 *
 * The prior: every model (and the position advantage) also plays g virtual games (default g = 1),
 * all ties, against a virtual reference of strength 1 (rating 1000) — the device of Coulom's
 * Bayeselo ("virtual draws") and Whole-History Rating (Coulom, "Whole-History Rating: A Bayesian
 * Rating System for Players of Time-Varying Strength", 2008: virtual games against a virtual
 * player of rating zero). Why: the plain MLE does not exist (ratings run off to ±∞) when a model
 * won or lost every comparison or when the models split into groups one of which never lost to
 * the other (Zermelo 1929; Hunter 2004, Assumption 1), and a bootstrap resample can hit that case
 * even when the full data do not. One virtual tie keeps every rating finite, makes the estimate one
 * fixed function of the data for every resample, and shifts a model with n real judgments by about
 * g/n of its distance from the mean: a rounding error from a few dozen judgments on. An unbeaten
 * model's rating then rests on the prior as much as on the data, which its warning says.
 *
 * Anchoring: the likelihood only sees differences, so each connected group of models is shifted to
 * a mean rating of 1000, or so that `anchor` gets its rating. (FastChat's logistic regression starts
 * from zero and its gradients sum to zero over the models, so its coefficients stay centred: the
 * same mean of 1000 — before it pins its anchor model.)
 */
export function fitBradleyTerry(
  counts: readonly SideCounts[],
  opts: BradleyTerryOptions = {},
): BradleyTerryFit {
  return publicFit(prepareFit(counts, opts));
}

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

// ——— Preparation: validate counts, index models, find the structure of the comparison graph ———

/** The ordered (left, right) pairs with judgments, and their observed counts. */
type OrderedPairs = {
  length: number;
  left: Int32Array;
  right: Int32Array;
  leftWins: Float64Array;
  rightWins: Float64Array;
  ties: Float64Array;
};

/** Everything a fit and its bootstrap rounds share. */
type FitState = {
  models: string[];
  ordered: OrderedPairs;
  /** Judgments per model. */
  judgments: Float64Array;
  position: boolean;
  priorGames: number;
  /** Model → index of its component; components list member indices, ascending. */
  component: Int32Array;
  components: number[][];
  /** With priorGames = 0 the likelihood is flat along each component's mean: pin its first model. */
  pinned: Uint8Array | null;
  /** The pairs the likelihood runs over (ordered with position advantage, unordered without). */
  pairs: LikelihoodPairs;
  anchor: { index: number; rating: number } | null;
  maxIterations: number;
  workspace: Workspace;
  /** The point estimate, unanchored: β in nats, then γ when fitted. */
  x: Float64Array;
  iterations: number;
  converged: boolean;
  warnings: BradleyTerryWarning[];
};

type LikelihoodPairs = {
  length: number;
  i: Int32Array;
  j: Int32Array;
  /** Effective wins of i over j (ties count ½) and judgments, reloaded for each resample. */
  wins: Float64Array;
  total: Float64Array;
  /** For each ordered pair: its likelihood pair, and whether its left model is that pair's j. */
  ofOrdered: Int32Array;
  flipped: Uint8Array;
};

function prepareFit(counts: readonly SideCounts[], opts: BradleyTerryOptions): FitState {
  const position = opts.positionAdvantage ?? false;
  const requestedPrior = opts.priorGames ?? 1;
  const maxIterations = opts.maxIterations ?? 100;
  if (!(Number.isFinite(requestedPrior) && requestedPrior >= 0)) {
    throw new RangeError("priorGames must be a finite number ≥ 0");
  }
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw new RangeError("maxIterations must be a positive integer");
  }
  if (opts.anchor && !Number.isFinite(opts.anchor.rating))
    throw new RangeError("anchor.rating must be finite");

  const warnings: BradleyTerryWarning[] = [];
  const listed = opts.models ? new Set(opts.models) : null;
  // Merge rows per ordered pair (callers may pass several rows for one pair).
  const merged = new Map<string, { left: string; right: string; lw: number; rw: number; t: number }>();
  for (const row of counts) {
    const reason = invalidReason(row, listed);
    if (reason) {
      warnings.push({
        kind: "invalid-counts",
        left: row.left,
        right: row.right,
        reason,
        message:
          reason === "self-comparison"
            ? `Judgments of ${row.left} against itself were left out: they say nothing about ratings.`
            : reason === "unknown-model"
              ? `Judgments of ${row.left} against ${row.right} were left out: one of them is not a model of this study.`
              : `The counts for ${row.left} against ${row.right} were left out: they are not non-negative numbers.`,
      });
      continue;
    }
    if (row.leftWins + row.rightWins + row.ties === 0) continue; // a pair with no judgments: nothing to use
    const key = `${row.left}\u0000${row.right}`;
    const entry = merged.get(key) ?? { left: row.left, right: row.right, lw: 0, rw: 0, t: 0 };
    entry.lw += row.leftWins;
    entry.rw += row.rightWins;
    entry.t += row.ties;
    merged.set(key, entry);
  }

  const judged = new Set<string>();
  for (const entry of merged.values()) judged.add(entry.left).add(entry.right);
  const models = [...judged].sort(compareText);
  const all = listed ? [...listed].sort(compareText) : models;
  const unjudged = all.filter((model) => !judged.has(model));
  if (models.length === 0) {
    warnings.push({ kind: "no-judgments", message: "There are no judgments yet, so there are no ratings." });
  }
  if (all.length < 2) {
    warnings.push({
      kind: "too-few-models",
      models: all,
      message: "Ratings compare models: at least two models need judgments against each other.",
    });
  }
  if (unjudged.length > 0 && models.length > 0) {
    warnings.push({
      kind: "unjudged",
      models: unjudged,
      message: `${listNames(unjudged)} ${unjudged.length === 1 ? "has" : "have"} no judgments yet and ${unjudged.length === 1 ? "is" : "are"} not rated.`,
    });
  }

  const k = models.length;
  const modelIndex = new Map(models.map((model, i) => [model, i]));
  const entries = [...merged.values()]
    .map((e) => ({ ...e, a: modelIndex.get(e.left)!, b: modelIndex.get(e.right)! }))
    .sort((p, q) => p.a - q.a || p.b - q.b);
  const ordered: OrderedPairs = {
    length: entries.length,
    left: Int32Array.from(entries, (e) => e.a),
    right: Int32Array.from(entries, (e) => e.b),
    leftWins: Float64Array.from(entries, (e) => e.lw),
    rightWins: Float64Array.from(entries, (e) => e.rw),
    ties: Float64Array.from(entries, (e) => e.t),
  };
  const judgments = new Float64Array(k);
  for (const e of entries) {
    const n = e.lw + e.rw + e.t;
    judgments[e.a] = judgments[e.a]! + n;
    judgments[e.b] = judgments[e.b]! + n;
  }

  const structure = analyse(models, ordered, position);
  warnings.push(...structure.warnings);
  let priorGames = requestedPrior;
  if (priorGames === 0 && !structure.mleExists) {
    priorGames = 1;
    warnings.push({
      kind: "prior-fallback",
      message:
        "The plain maximum-likelihood ratings do not exist for these judgments (see the other warnings), so the default prior of one virtual tie per model was used.",
    });
  }

  let anchor: FitState["anchor"] = null;
  if (opts.anchor) {
    const index = modelIndex.get(opts.anchor.model);
    if (index === undefined) {
      warnings.push({
        kind: "anchor-missing",
        model: opts.anchor.model,
        message: `The anchor model ${opts.anchor.model} has no judgments, so ratings are centred on a mean of ${CENTRE_RATING} instead.`,
      });
    } else {
      anchor = { index, rating: opts.anchor.rating };
    }
  }

  let pinned: Uint8Array | null = null;
  if (priorGames === 0) {
    pinned = new Uint8Array(k);
    for (const members of structure.components) pinned[members[0]!] = 1;
  }
  const m = k + (position ? 1 : 0);
  const state: FitState = {
    models,
    ordered,
    judgments,
    position,
    priorGames,
    component: structure.component,
    components: structure.components,
    pinned,
    pairs: likelihoodPairs(ordered, position),
    anchor,
    maxIterations,
    workspace: createWorkspace(m),
    x: new Float64Array(m),
    iterations: 0,
    converged: true,
    warnings,
  };
  if (k >= 2) {
    loadPairs(state, ordered.leftWins, ordered.rightWins, ordered.ties);
    const result = maximize(state, state.x);
    state.iterations = result.iterations;
    state.converged = result.converged;
    if (!result.converged) {
      warnings.push({
        kind: "not-converged",
        iterations: result.iterations,
        message: `The fit stopped after ${result.iterations} iterations without converging; the ratings are where it stood.`,
      });
    }
  }
  return state;
}

function invalidReason(
  row: SideCounts,
  listed: ReadonlySet<string> | null,
): "self-comparison" | "unknown-model" | "not-a-count" | null {
  if (row.left === row.right) return "self-comparison";
  if (listed && !(listed.has(row.left) && listed.has(row.right))) return "unknown-model";
  for (const n of [row.leftWins, row.rightWins, row.ties]) {
    if (!(Number.isFinite(n) && n >= 0)) return "not-a-count";
  }
  return null;
}

/**
 * The structure that decides whether ratings exist and mean anything:
 * - components of the comparison graph (an edge wherever two models were compared): ratings of
 *   different components are not comparable;
 * - the directed "beat" graph (i → j when i won or tied against j at least once): the plain MLE
 *   exists iff each component is strongly connected in it (Zermelo 1929; Ford 1957; Hunter 2004,
 *   Assumption 1);
 * - with position advantage, whether γ is identified: it is not when some potential f has
 *   f(left) − f(right) = 1 on every compared ordered pair (then β + c·f, γ − c fit equally well),
 *   e.g. when every pair was only ever shown one way round.
 */
function analyse(models: string[], ordered: OrderedPairs, position: boolean) {
  const k = models.length;
  const warnings: BradleyTerryWarning[] = [];
  const neighbours: number[][] = models.map(() => []);
  const beats: number[][] = models.map(() => []);
  const wins = new Float64Array(k);
  const losses = new Float64Array(k);
  let leftSide = 0;
  let rightSide = 0;
  for (let q = 0; q < ordered.length; q++) {
    const a = ordered.left[q]!;
    const b = ordered.right[q]!;
    const leftWins = ordered.leftWins[q]! + ordered.ties[q]! / 2;
    const rightWins = ordered.rightWins[q]! + ordered.ties[q]! / 2;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
    if (leftWins > 0) beats[a]!.push(b);
    if (rightWins > 0) beats[b]!.push(a);
    wins[a] = wins[a]! + leftWins;
    losses[b] = losses[b]! + leftWins;
    wins[b] = wins[b]! + rightWins;
    losses[a] = losses[a]! + rightWins;
    leftSide += leftWins;
    rightSide += rightWins;
  }

  const everyone = new Uint8Array(k).fill(1);
  const component = new Int32Array(k);
  const components = connectedComponents(neighbours, everyone);
  components.forEach((members, c) => members.forEach((i) => (component[i] = c)));
  const named = (groups: number[][]) => groups.map((members) => members.map((i) => models[i]!));
  if (components.length > 1) {
    warnings.push({
      kind: "disconnected",
      components: named(components),
      message: `The models fall into ${components.length} groups that were never compared with each other (${named(
        components,
      )
        .map(listNames)
        .join(
          "; ",
        )}). Ratings are comparable only within a group; each group is centred on ${CENTRE_RATING}.`,
    });
  }

  const unbeaten: number[] = [];
  const winless: number[] = [];
  for (let i = 0; i < k; i++) {
    if (losses[i] === 0) unbeaten.push(i);
    else if (wins[i] === 0) winless.push(i);
  }
  for (const i of unbeaten) {
    warnings.push({
      kind: "unbeaten",
      model: models[i]!,
      message: `${models[i]} won every comparison it was in, so the data put no upper limit on its rating: the one shown is held finite by the prior and may well be too low.`,
    });
  }
  for (const i of winless) {
    warnings.push({
      kind: "winless",
      model: models[i]!,
      message: `${models[i]} lost every comparison it was in, so the data put no lower limit on its rating: the one shown is held finite by the prior and may well be too high.`,
    });
  }

  const strong = stronglyConnectedComponents(beats, everyone);
  let mleExists = strong.length === components.length;
  if (!mleExists) {
    // Name the separations that unbeaten and winless models do not already explain.
    const rest = new Uint8Array(k).fill(1);
    for (const i of [...unbeaten, ...winless]) rest[i] = 0;
    for (const members of connectedComponents(neighbours, rest)) {
      const inGroup = new Uint8Array(k);
      for (const i of members) inGroup[i] = 1;
      const groups = stronglyConnectedComponents(beats, inGroup);
      if (groups.length < 2) continue;
      warnings.push({
        kind: "separated",
        groups: named(groups),
        message: `These groups of models never lost to a later group: ${named(groups)
          .map(listNames)
          .join(
            " > ",
          )}. How far apart the groups are is not known from the data; the gaps shown are held finite by the prior.`,
      });
    }
  }

  if (position && k >= 2) {
    if (!positionIdentified(k, ordered)) {
      mleExists = false;
      warnings.push({
        kind: "position-unidentified",
        message:
          "Left/right placement cannot be told apart from the models' strengths here (pairs were not shown both ways round), so the position advantage rests on the prior.",
      });
    }
    if (leftSide === 0 || rightSide === 0) {
      mleExists = false;
      const side = leftSide === 0 ? "right" : "left";
      warnings.push({
        kind: "position-one-sided",
        side,
        message: `Every judgment went to the ${side} side, so the position advantage could be any amount; the one shown is held finite by the prior.`,
      });
    }
  }
  return { component, components, warnings, mleExists };
}

/** Components of the undirected graph restricted to `active`, each ascending, ordered by first member. */
function connectedComponents(neighbours: number[][], active: Uint8Array): number[][] {
  const seen = new Uint8Array(neighbours.length);
  const components: number[][] = [];
  for (let start = 0; start < neighbours.length; start++) {
    if (!active[start] || seen[start]) continue;
    const members = [start];
    seen[start] = 1;
    for (let head = 0; head < members.length; head++) {
      for (const next of neighbours[members[head]!]!) {
        if (active[next] && !seen[next]) {
          seen[next] = 1;
          members.push(next);
        }
      }
    }
    components.push(members.sort((a, b) => a - b));
  }
  return components;
}

/**
 * Strongly connected components of the directed graph restricted to `active` (Tarjan, 1972), in
 * topological order of the condensation: no edge leads from a later group to an earlier one, so
 * with edges "i beat j" the strongest group comes first.
 */
function stronglyConnectedComponents(edges: number[][], active: Uint8Array): number[][] {
  const n = edges.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const groups: number[][] = [];
  let counter = 0;
  const visit = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    for (const w of edges[v]!) {
      if (!active[w]) continue;
      if (index[w] === -1) {
        visit(w);
        low[v] = Math.min(low[v]!, low[w]!);
      } else if (onStack[w]) {
        low[v] = Math.min(low[v]!, index[w]!);
      }
    }
    if (low[v] === index[v]) {
      const group: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        group.push(w);
      } while (w !== v);
      groups.push(group.sort((a, b) => a - b));
    }
  };
  for (let v = 0; v < n; v++) if (active[v] && index[v] === -1) visit(v);
  // Tarjan emits a group only after every group it reaches, i.e. in reverse topological order.
  return groups.reverse();
}

/** False when γ is confounded with the strengths (see `analyse`): a consistent potential exists. */
function positionIdentified(k: number, ordered: OrderedPairs): boolean {
  const edges: { to: number; shift: number }[][] = Array.from({ length: k }, () => []);
  for (let q = 0; q < ordered.length; q++) {
    const a = ordered.left[q]!;
    const b = ordered.right[q]!;
    edges[a]!.push({ to: b, shift: -1 }); // f(right) = f(left) − 1
    edges[b]!.push({ to: a, shift: 1 });
  }
  const potential = new Float64Array(k);
  const seen = new Uint8Array(k);
  for (let start = 0; start < k; start++) {
    if (seen[start]) continue;
    seen[start] = 1;
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      for (const { to, shift } of edges[v]!) {
        if (!seen[to]) {
          seen[to] = 1;
          potential[to] = potential[v]! + shift;
          queue.push(to);
        } else if (potential[to] !== potential[v]! + shift) {
          return true; // a cycle that no potential satisfies: γ is pinned down by the data
        }
      }
    }
  }
  return false;
}

function likelihoodPairs(ordered: OrderedPairs, position: boolean): LikelihoodPairs {
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
function loadPairs(state: FitState, leftWins: Float64Array, rightWins: Float64Array, ties: Float64Array) {
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

// ——— Newton's method on the penalised log-likelihood ———

type Workspace = {
  m: number;
  gradient: Float64Array;
  /** −∇²ℓ, row-major m×m; overwritten by its Cholesky factor. */
  hessian: Float64Array;
  step: Float64Array;
  previous: Float64Array;
  diagonal: Float64Array;
};

function createWorkspace(m: number): Workspace {
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
function maximize(state: FitState, x: Float64Array): { iterations: number; converged: boolean } {
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

// ——— Anchoring, resampling, summaries ———

/** Elo ratings from log-strengths: each component centred on 1000, or shifted to the anchor. */
function anchoredRatings(
  state: FitState,
  x: Float64Array,
  ratings = new Float64Array(state.models.length),
): Float64Array {
  for (const members of state.components) {
    let shift: number;
    if (state.anchor && state.component[state.anchor.index] === state.component[members[0]!]) {
      shift = state.anchor.rating - ELO_PER_NAT * x[state.anchor.index]!;
    } else {
      let sum = 0;
      for (const i of members) sum += ELO_PER_NAT * x[i]!;
      shift = CENTRE_RATING - sum / members.length;
    }
    for (const i of members) ratings[i] = ELO_PER_NAT * x[i]! + shift;
  }
  return ratings;
}

function publicFit(state: FitState): BradleyTerryFit {
  const ratings = anchoredRatings(state, state.x);
  const k = state.models.length;
  return {
    models: [...state.models],
    ratings: Object.fromEntries(state.models.map((model, i) => [model, ratings[i]!])),
    positionAdvantage: state.position ? (k >= 2 ? ELO_PER_NAT * state.x[k]! : 0) : null,
    components: state.components.map((members) => members.map((i) => state.models[i]!)),
    judgments: Object.fromEntries(state.models.map((model, i) => [model, state.judgments[i]!])),
    priorGames: state.priorGames,
    iterations: state.iterations,
    converged: state.converged,
    warnings: [...state.warnings],
  };
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

/** Code-unit order: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
