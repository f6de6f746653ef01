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
  /** PCK: α, the threshold as a fraction of the box's longer side (SPair-71k reports 0.1). */
  alpha: z.number().gt(0).max(1).optional(),
  /** PCK: the box α scales — the target object's annotated box (SPair-71k) or the whole image. */
  pckBox: z.enum(["object", "image"]).optional(),
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

export function metricKey(
  metric: MetricId,
  model: string | undefined,
  options: Pick<MetricRequest, "alpha" | "pckBox"> = {},
): string {
  if (metric === "pck")
    return `pck@${options.alpha ?? PCK_DEFAULT_ALPHA}${options.pckBox === "image" ? "-image" : ""}`;
  return model ? `${metric}:${model}` : metric;
}

/** SPair-71k's reported threshold. */
export const PCK_DEFAULT_ALPHA = 0.1;

/** The run's stored config: the requests with their keys and models resolved. */
export const storedEvaluationConfig = z.object({
  metrics: z.array(metricRequest.extend({ key: z.string().min(1) })),
});

export function metricsOfRun(config: unknown): ResolvedMetric[] {
  return storedEvaluationConfig.parse(config).metrics;
}
