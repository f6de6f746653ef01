import { z } from "zod";
import { motionOf } from "../video/motion";
import { asVideo } from "../video/video-probe";
import type { Stage } from "./stage";

const config = z
  .object({
    /** Least motion kept: the median frame difference, in luma levels (0–255) per analysis frame. */
    minMotion: z.number().min(0).default(0.5),
    /** Most motion kept (shaky or flashing footage); null: no limit. */
    maxMotion: z.number().min(0).nullable().default(null),
  })
  .refine((c) => c.maxMotion === null || c.minMotion <= c.maxMotion, "minMotion must not exceed maxMotion");

/**
 * Motion score from frame differences, measured at 10 frames per second on frames of 128 pixels
 * (video/video-probe.ts, so that scores compare across videos): static slideshows and frozen frames
 * have a median near 0.
 */
export const motionStage: Stage<z.infer<typeof config>> = {
  id: "motion",
  label: "Motion",
  cost: "pixels",
  scoreNames: ["median", "mean"],
  config,
  thresholds: [
    { option: "minMotion", score: "median", bound: "min" },
    { option: "maxMotion", score: "median", bound: "max" },
  ],
  async measure(probe) {
    const m = motionOf(await asVideo(probe).differences());
    return { scores: { median: m.median, mean: m.mean } };
  },
  judge({ scores: { median } }, c) {
    if (median === undefined) return "motion not measured";
    if (median < c.minMotion) return `too little motion (median frame difference ${median.toFixed(2)})`;
    if (c.maxMotion !== null && median > c.maxMotion)
      return `too much motion (median frame difference ${median.toFixed(2)})`;
    return undefined;
  },
};
