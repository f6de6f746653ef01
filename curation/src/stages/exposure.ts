import { z } from "zod";
import { exposureOf } from "../image/exposure";
import type { Stage } from "./stage";

const config = z
  .object({
    /** Mean luma range accepted, 0 (black) … 1 (white). */
    minMeanLuma: z.number().min(0).max(1).default(0.08),
    maxMeanLuma: z.number().min(0).max(1).default(0.95),
    /** Largest share of crushed-black or blown-white pixels accepted. */
    maxClippedShare: z.number().min(0).max(1).default(0.6),
  })
  .refine((c) => c.minMeanLuma <= c.maxMeanLuma, "minMeanLuma must not exceed maxMeanLuma");

/** Too dark or too bright: mean luma and clipped shares of the working image. */
export const exposureStage: Stage<z.infer<typeof config>> = {
  id: "exposure",
  label: "Exposure",
  cost: "pixels",
  scoreNames: ["meanLuma", "darkShare", "brightShare"],
  config,
  thresholds: [
    { option: "minMeanLuma", score: "meanLuma", bound: "min" },
    { option: "maxMeanLuma", score: "meanLuma", bound: "max" },
    { option: "maxClippedShare", score: "darkShare", bound: "max" },
    { option: "maxClippedShare", score: "brightShare", bound: "max" },
  ],
  async measure(probe) {
    const e = exposureOf(await probe.working());
    return { scores: { meanLuma: e.meanLuma, darkShare: e.darkShare, brightShare: e.brightShare } };
  },
  judge({ scores: { meanLuma, darkShare, brightShare } }, c) {
    if (meanLuma === undefined || darkShare === undefined || brightShare === undefined)
      return "exposure not measured";
    if (meanLuma < c.minMeanLuma) return `too dark (mean luma ${meanLuma.toFixed(3)})`;
    if (meanLuma > c.maxMeanLuma) return `too bright (mean luma ${meanLuma.toFixed(3)})`;
    const clipped = Math.max(darkShare, brightShare);
    if (clipped > c.maxClippedShare) return `${(100 * clipped).toFixed(0)}% clipped pixels`;
    return undefined;
  },
};
