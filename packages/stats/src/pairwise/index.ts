/**
 * Pairwise results: counts, win rate and net win rate with Wilson and cluster-bootstrap intervals,
 * majority aggregation, and the sample-size planner the adaptive comparison plan asks what to serve.
 */
export { tallyPairs, pairKey, flipOutcome, totalOf } from "./tally";
export { majorityPerItem, type MajorityJudgment } from "./majority";
export {
  pairwiseResults,
  tooFewJudgments,
  tooFewPrompts,
  type PairResult,
  type PairwiseOptions,
  type SampleWarning,
  type Unavailable,
} from "./win-rates";
export {
  planSampleSize,
  nextPairToServe,
  type PairPlan,
  type PlanInput,
  type PlanOptions,
  type PlanTarget,
} from "./planner";
export {
  resampleClusterTotals,
  percentileInterval,
  seedForKey,
  type ClusterCounts,
  type ResamplingStrategy,
} from "./cluster-bootstrap";
export { normalCdf, normalQuantile, zForLevel } from "./normal";
