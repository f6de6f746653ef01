/** What a finished evaluation run reports: the shape of `EvaluationRun.summary`. */
import type { MetricId } from "@loupe/evaluators";

export interface SkippedMetric {
  key: string;
  metric: MetricId;
  reason: string;
}

export interface ModelMetricValue {
  modelId: string;
  modelName: string;
  /** Mean of the per-output values, or the set metric's value (FID, KID). */
  value: number;
  /** 95% percentile-bootstrap interval over prompts (per-output metrics only). */
  low: number | null;
  high: number | null;
  /** Outputs with a value (per-output metrics) or in the set (FID, KID). */
  n: number;
  /** Outputs of this model the metric could not score (their reasons are on the values). */
  failed: number;
}

export interface MetricSummary {
  key: string;
  metric: MetricId;
  model?: string;
  label: string;
  higherIsBetter: boolean;
  granularity: "output" | "set";
  /** How the values were made: the execution provider, FID's resize mode, KID's subset size. */
  notes: string[];
  perModel: ModelMetricValue[];
  /** Why a set metric has no value for some model (too few samples, ...). */
  errors: { modelName: string; error: string }[];
}

export interface EvaluationSummary {
  skipped: SkippedMetric[];
  metrics: MetricSummary[];
}
