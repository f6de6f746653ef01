/**
 * What a study's results page, API and share link read: everything computed from the judgments,
 * stored as one JSON document per study (StudyResult.data). Models are named, raters are their
 * study-scoped ids; every number that has an interval carries its method.
 */
import type {
  BradleyTerryBootstrap,
  FleissKappa,
  Interval,
  KrippendorffAlpha,
  PairResult,
  PositionBias,
  RaterAgreement,
  RaterGoldAccuracy,
  SideCounts,
} from "@loupe/stats";
import type { Axis } from "../studies/config";

export type Aggregation = "every-judgment" | "majority-per-item";

export type AggregationResults = {
  aggregation: Aggregation;
  /** Judgments (or, for the majority, items) the numbers below come from. */
  judgments: number;
  pairs: PairResult[];
  /** Bradley–Terry ratings, intervals from resampling prompts. */
  ratings: BradleyTerryBootstrap;
  /** The same with the left-side advantage fitted, so position bias is corrected for. */
  ratingsPositionCorrected: BradleyTerryBootstrap;
  /** The sufficient statistics, kept so a project leaderboard can pool studies. */
  sideCounts: SideCounts[];
};

export type Reliability = {
  /** Over the four answers (A better, B better, tie, both bad). */
  alphaNominal: KrippendorffAlpha;
  /** A < tie < B (both bad left out), or the five-point scale's −2 … 2. */
  alphaOrdinal: KrippendorffAlpha;
  fleissKappa: FleissKappa;
  /** 95% intervals of the three coefficients, resampling items. */
  intervals: { alphaNominal: Interval | null; alphaOrdinal: Interval | null; fleissKappa: Interval | null };
  raterAgreement: RaterAgreement[];
  gold: { overall: Omit<RaterGoldAccuracy, "raterId"> | null; raters: RaterGoldAccuracy[] };
};

export type Breakdown = {
  tag: string;
  judgments: number;
  prompts: number;
  /** Set when the cell is too small to read on its own. */
  warning: string | null;
  pairs: PairResult[];
  ratings: BradleyTerryBootstrap;
  positionBias: PositionBias;
  reliability: Pick<Reliability, "alphaNominal" | "alphaOrdinal" | "fleissKappa">;
};

export type AxisResults = {
  axisId: string;
  label: string;
  question: string;
  scale: Axis["scale"];
  /** Judgments answering this axis that count (not gold, not by an excluded rater). */
  judgments: number;
  every: AggregationResults;
  majority: AggregationResults;
  reliability: Reliability;
  positionBias: PositionBias;
  breakdowns: Breakdown[];
};

export type StudyResults = {
  version: 1;
  computedAt: string;
  models: string[];
  /** What was counted and what was left out, and why. */
  judgments: { counted: number; byExcludedRaters: number; gold: number };
  excludedRaters: number;
  rounds: number;
  seed: number;
  axes: AxisResults[];
};
