import { z } from "zod";
import type { Stage } from "./stage";

/**
 * The whole image decodes (a truncated or corrupt file fails here, with the decoder's reason).
 * It produces the grayscale working image the later pixel stages reuse, so it costs nothing extra.
 */
export const decodeStage: Stage<Record<string, never>> = {
  id: "decode",
  label: "Decodes",
  cost: "decode",
  scoreNames: ["workingWidth", "workingHeight"],
  config: z.object({}).strict() as z.ZodType<Record<string, never>>,
  thresholds: [],
  async measure(probe) {
    const image = await probe.working();
    return { scores: { workingWidth: image.width, workingHeight: image.height } };
  },
  // Decoding is the test: an image that does not decode is an error, never measured.
  judge: () => undefined,
};
