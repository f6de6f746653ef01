import { z } from "zod";
import { laplacianVariance } from "../image/laplacian-variance";
import type { Stage } from "./stage";

const config = z.object({
  /** Lowest variance of the Laplacian accepted, at the 512-px working size (100 is OpenCV folklore's default). */
  minSharpness: z.number().min(0).default(100),
});

/** Blur: the variance of the Laplacian of the working image (see ../image/laplacian-variance.ts). */
export const blurStage: Stage<z.infer<typeof config>> = {
  id: "blur",
  label: "Sharpness",
  cost: "pixels",
  scoreNames: ["sharpness"],
  config,
  thresholds: [{ option: "minSharpness", score: "sharpness", bound: "min" }],
  async measure(probe) {
    return { scores: { sharpness: laplacianVariance(await probe.working()) } };
  },
  judge({ scores: { sharpness } }, c) {
    if (sharpness === undefined) return "sharpness not measured";
    return sharpness < c.minSharpness
      ? `sharpness ${sharpness.toFixed(1)}, below ${c.minSharpness}`
      : undefined;
  },
};
