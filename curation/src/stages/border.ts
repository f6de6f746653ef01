import { z } from "zod";
import { borderShare, bordersOf } from "../image/border";
import type { Stage } from "./stage";

const config = z.object({
  /** Largest share of the area that flat black or white borders may cover (letterbox, frames). */
  maxBorderShare: z.number().min(0).max(1).default(0.1),
});

/**
 * Border detection: letterbox or pillarbox bars and flat frames, measured on the working image
 * (each side's border lines as a share of that side, and the share of the area they cover).
 */
export const borderStage: Stage<z.infer<typeof config>> = {
  id: "border",
  label: "Borders",
  cost: "pixels",
  scoreNames: ["share", "top", "bottom", "left", "right"],
  config,
  thresholds: [{ option: "maxBorderShare", score: "share", bound: "max" }],
  async measure(probe) {
    const image = await probe.working();
    const b = bordersOf(image);
    return {
      scores: {
        share: borderShare(b, image.width, image.height),
        top: b.top / image.height,
        bottom: b.bottom / image.height,
        left: b.left / image.width,
        right: b.right / image.width,
      },
    };
  },
  judge({ scores: { share } }, c) {
    if (share === undefined) return "borders not measured";
    if (share > c.maxBorderShare)
      return `borders cover ${(100 * share).toFixed(0)}% of the image, above ${(100 * c.maxBorderShare).toFixed(0)}%`;
    return undefined;
  },
};
