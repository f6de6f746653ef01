/**
 * What an evaluation run computes: a list of metrics, each with the registered model it uses (when
 * it needs one), the reference images it compares with, and — for FID and KID — the reference set.
 * A metric's key ("clip-score:clip-vit-b32") names its values and leaderboard column.
 */
import { z } from "zod";
import { METRIC_IDS, type MetricId } from "@loupe/evaluators";

export const metricRequest = z.object({
  metric: z.enum(METRIC_IDS),
  /** The evaluator model's name; by default the only registered model of the kind it needs. */
  model: z.string().trim().min(1).optional(),
  /** The prompt references to compare with (CLIP-I, DINO: "subject"; PSNR, SSIM: "target"). */
  referenceRole: z.string().trim().min(1).max(40).optional(),
  /** PSNR/SSIM on RGB (mean over channels) or on the luma Y. */
  colorMode: z.enum(["rgb", "y"]).optional(),
  /** FID/KID: the reference set — another model's outputs, or the prompts' references of a role. */
  reference: z
    .union([
      z.object({ model: z.string().trim().min(1) }),
      z.object({ role: z.string().trim().min(1).max(40) }),
    ])
    .optional(),
});
export type MetricRequest = z.infer<typeof metricRequest>;

export const evaluationConfig = z.object({
  metrics: z.array(metricRequest).min(1).max(20),
});
export type EvaluationConfig = z.infer<typeof evaluationConfig>;

/** A request with its model resolved, as stored in the run. */
export interface ResolvedMetric extends MetricRequest {
  key: string;
  metric: MetricId;
}

export function metricKey(metric: MetricId, model: string | undefined): string {
  return model ? `${metric}:${model}` : metric;
}

/** The run's stored config: the requests with their keys and models resolved. */
export const storedEvaluationConfig = z.object({
  metrics: z.array(metricRequest.extend({ key: z.string().min(1) })),
});

export function metricsOfRun(config: unknown): ResolvedMetric[] {
  return storedEvaluationConfig.parse(config).metrics;
}
