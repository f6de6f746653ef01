/**
 * The internal state of a fit: the counts as arrays indexed by model, the structure of the
 * comparison graph, the pairs the likelihood runs over and Newton's scratch memory. `prepareFit`
 * (fit.ts) builds one; the point estimate and every bootstrap round share it, a round only
 * reloading the counts (`loadPairs`, newton.ts) and re-running Newton from the point estimate.
 */
import type { BradleyTerryWarning } from "./types";

/** The ordered (left, right) pairs with judgments, and their observed counts. */
export type OrderedPairs = {
  length: number;
  left: Int32Array;
  right: Int32Array;
  leftWins: Float64Array;
  rightWins: Float64Array;
  ties: Float64Array;
};

/** Everything a fit and its bootstrap rounds share. */
export type FitState = {
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

export type LikelihoodPairs = {
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

export type Workspace = {
  m: number;
  gradient: Float64Array;
  /** −∇²ℓ, row-major m×m; overwritten by its Cholesky factor. */
  hessian: Float64Array;
  step: Float64Array;
  previous: Float64Array;
  diagonal: Float64Array;
};
