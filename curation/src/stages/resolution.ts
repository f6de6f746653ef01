import { z } from "zod";
import type { Stage } from "./stage";

const config = z
  .object({
    /** Shortest side, in pixels (Movie Gen keeps videos of at least 720 px on the short side). */
    minShortSide: z.number().int().min(0).default(0),
    minWidth: z.number().int().min(0).default(0),
    minHeight: z.number().int().min(0).default(0),
    /** Width ÷ height range accepted. */
    minAspect: z
      .number()
      .positive()
      .default(1 / 3),
    maxAspect: z.number().positive().default(3),
  })
  .refine((c) => c.minAspect <= c.maxAspect, "minAspect must not exceed maxAspect");

/** Minimum resolution and aspect-ratio range, from the header. */
export const resolutionStage: Stage<z.infer<typeof config>> = {
  id: "resolution",
  label: "Resolution and aspect",
  cost: "header",
  scoreNames: ["shortSide", "aspect"],
  config,
  async run(probe, c) {
    const { width, height } = await probe.header();
    const aspect = width / height;
    const scores = { shortSide: Math.min(width, height), aspect };
    if (Math.min(width, height) < c.minShortSide)
      return { scores, failure: `short side ${Math.min(width, height)} px, below ${c.minShortSide}` };
    if (width < c.minWidth) return { scores, failure: `width ${width} px, below ${c.minWidth}` };
    if (height < c.minHeight) return { scores, failure: `height ${height} px, below ${c.minHeight}` };
    if (aspect < c.minAspect || aspect > c.maxAspect)
      return {
        scores,
        failure: `aspect ${aspect.toFixed(3)} outside ${c.minAspect.toFixed(3)}–${c.maxAspect.toFixed(3)}`,
      };
    return { scores };
  },
};
