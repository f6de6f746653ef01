import { z } from "zod";
import type { Stage } from "./stage";

const config = z.object({
  /** Accepted formats as sharp names them (jpeg, png, webp, gif, tiff, avif, heif); empty: any. */
  formats: z.array(z.string().min(1)).default([]),
  /** Largest file accepted, in bytes (null: no limit). */
  maxBytes: z.number().int().positive().nullable().default(null),
  /** Animated images (several frames) are dropped unless allowed. */
  allowAnimated: z.boolean().default(true),
});

/** Format, size and bytes from the header alone — no decoding. */
export const metadataStage: Stage<z.infer<typeof config>> = {
  id: "metadata",
  label: "Metadata",
  cost: "header",
  scoreNames: ["width", "height", "aspect", "bytes", "frames"],
  labelNames: ["format"],
  config,
  thresholds: [{ option: "maxBytes", score: "bytes", bound: "max" }],
  async measure(probe) {
    const h = await probe.header();
    return {
      scores: {
        width: h.width,
        height: h.height,
        aspect: h.width / h.height,
        bytes: h.bytes,
        frames: h.pages,
      },
      labels: { format: h.format },
    };
  },
  judge({ scores: { bytes, frames }, labels: { format } }, c) {
    if (bytes === undefined || frames === undefined || format === undefined) return "metadata not measured";
    if (c.formats.length > 0 && !c.formats.includes(format))
      return `format ${format} is not one of ${c.formats.join(", ")}`;
    if (c.maxBytes !== null && bytes > c.maxBytes) return `${bytes} bytes, above ${c.maxBytes}`;
    if (!c.allowAnimated && frames > 1) return `animated (${frames} frames)`;
    return undefined;
  },
};
