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
  scoreNames: ["width", "height", "shortSide", "aspect"],
  config,
  thresholds: [
    { option: "minWidth", score: "width", bound: "min" },
    { option: "minHeight", score: "height", bound: "min" },
    { option: "minShortSide", score: "shortSide", bound: "min" },
    { option: "minAspect", score: "aspect", bound: "min" },
    { option: "maxAspect", score: "aspect", bound: "max" },
  ],
  async measure(probe) {
    const { width, height } = await probe.header();
    return { scores: { width, height, shortSide: Math.min(width, height), aspect: width / height } };
  },
  judge({ scores: { width, height, shortSide, aspect } }, c) {
    if (width === undefined || height === undefined || shortSide === undefined || aspect === undefined)
      return "resolution not measured";
    if (shortSide < c.minShortSide) return `short side ${shortSide} px, below ${c.minShortSide}`;
    if (width < c.minWidth) return `width ${width} px, below ${c.minWidth}`;
    if (height < c.minHeight) return `height ${height} px, below ${c.minHeight}`;
    if (aspect < c.minAspect || aspect > c.maxAspect)
      return `aspect ${aspect.toFixed(3)} outside ${c.minAspect.toFixed(3)}–${c.maxAspect.toFixed(3)}`;
    return undefined;
  },
};
