/**
 * @loupe/stats — pure statistics over plain data (no I/O). Each function carries its formula and
 * source in its doc comment: Bradley–Terry ratings with bootstrap intervals, pairwise win rates
 * with the cluster bootstrap, agreement and position bias, and the sample-size planner.
 */
export { wilsonInterval } from "./wilson";
export { proportionDifferenceInterval } from "./proportion-difference";
export { seededRandom, standardNormal, type Random } from "./random";
export type { Interval, Outcome, PairCounts, PairwiseJudgment } from "./outcomes";
export {
  bootstrapBradleyTerry,
  fitBradleyTerry,
  sideCountsOf,
  type BradleyTerryBootstrap,
  type BradleyTerryFit,
  type BradleyTerryWarning,
  type RatingWithInterval,
  type SideCounts,
} from "./bradley-terry/index";
export { rankWithUpperBound } from "./rank";
export * from "./pairwise/index";
export * from "./reliability/index";
export { averageRanks, kendallTauB, spearman } from "./correlation";
export * from "./metrics/index";
