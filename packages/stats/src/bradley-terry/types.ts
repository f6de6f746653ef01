/**
 * The public shapes of the Bradley–Terry ratings: the counts they are fitted on, the options of the
 * fit and of its bootstrap, what each returns, and the warnings that come with them. Apart from
 * the code so that a caller (or a page showing the results) can read the contract on its own.
 */
import type { Interval } from "../outcomes";

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
