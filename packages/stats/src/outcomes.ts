/**
 * The plain data every statistic here reads. A judgment is oriented to its task's A/B outputs
 * (never the screen's left/right, which the assignment randomized); `leftWasA` keeps what the rater
 * saw, for position bias.
 */

/** One rater's verdict on one axis of one A/B task. */
export type Outcome = "A" | "B" | "tie" | "bothBad";

export type PairwiseJudgment = {
  /** The task: one prompt, one ordered pair of outputs. Raters of the same item are compared. */
  itemId: string;
  promptId: string;
  raterId: string;
  modelA: string;
  modelB: string;
  outcome: Outcome;
  /** True when output A was shown on the left. */
  leftWasA: boolean;
};

/**
 * Counts of one unordered model pair, oriented as (modelA, modelB) with modelA < modelB. These are
 * the sufficient statistics of Bradley–Terry with ties: nothing else about the judgments matters.
 */
export type PairCounts = {
  modelA: string;
  modelB: string;
  aWins: number;
  bWins: number;
  ties: number;
  bothBad: number;
};

/** A two-sided interval with the method that produced it, named beside every number. */
export type Interval = {
  low: number;
  high: number;
  method:
    | "wilson"
    | "cluster-bootstrap"
    | "bootstrap-multinomial"
    | "bootstrap-prompts"
    | "bootstrap-items"
    | "none";
};
