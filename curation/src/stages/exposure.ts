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
  async run(probe, c) {
    const e = exposureOf(await probe.working());
    const scores = { meanLuma: e.meanLuma, darkShare: e.darkShare, brightShare: e.brightShare };
    if (e.meanLuma < c.minMeanLuma)
      return { scores, failure: `too dark (mean luma ${e.meanLuma.toFixed(3)})` };
    if (e.meanLuma > c.maxMeanLuma)
      return { scores, failure: `too bright (mean luma ${e.meanLuma.toFixed(3)})` };
    if (Math.max(e.darkShare, e.brightShare) > c.maxClippedShare)
      return {
        scores,
        failure: `${(100 * Math.max(e.darkShare, e.brightShare)).toFixed(0)}% clipped pixels`,
      };
    return { scores };
  },
};
