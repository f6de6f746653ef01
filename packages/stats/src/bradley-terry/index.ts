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
 *
 * The files of this folder, in reading order:
 * - types.ts: the public shapes (counts, options, fits, bootstraps and their warnings);
 * - side-counts.ts: `sideCountsOf`, judgments aggregated into counts per ordered (left, right) pair;
 * - fit.ts: `fitBradleyTerry`, from validating the counts to the anchored ratings;
 * - comparison-graph.ts: which models were compared, and whether their ratings exist at all;
 * - newton.ts: the penalised log-likelihood and Newton's method on it;
 * - bootstrap.ts: `bootstrapBradleyTerry`, the resampling behind the intervals and ranks;
 * - fit-state.ts, elo-scale.ts and text.ts: what those share.
 */
export { sideCountsOf } from "./side-counts";
export { fitBradleyTerry } from "./fit";
export { bootstrapBradleyTerry } from "./bootstrap";
export type {
  BradleyTerryBootstrap,
  BradleyTerryBootstrapOptions,
  BradleyTerryFit,
  BradleyTerryOptions,
  BradleyTerryWarning,
  RatingWithInterval,
  SideCounts,
} from "./types";
