/**
 * The point estimate: `fitBradleyTerry` validates and merges the counts, indexes the models,
 * analyses the comparison graph (comparison-graph.ts), maximises the likelihood (newton.ts) and
 * anchors the result on the Elo scale. `prepareFit` builds the state that the bootstrap reuses for
 * every round; `anchoredRatings` and `publicFit` turn a state into what callers see.
 */
import { analyse } from "./comparison-graph";
import { CENTRE_RATING, ELO_PER_NAT } from "./elo-scale";
import type { FitState, OrderedPairs } from "./fit-state";
import { createWorkspace, likelihoodPairs, loadPairs, maximize } from "./newton";
import { compareText, listNames } from "./text";
import type { BradleyTerryFit, BradleyTerryOptions, BradleyTerryWarning, SideCounts } from "./types";

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

// ——— Preparation: validate counts, index models ———

export function prepareFit(counts: readonly SideCounts[], opts: BradleyTerryOptions): FitState {
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

// ——— Anchoring ———

/** Elo ratings from log-strengths: each component centred on 1000, or shifted to the anchor. */
export function anchoredRatings(
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

export function publicFit(state: FitState): BradleyTerryFit {
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
