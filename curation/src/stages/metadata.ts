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
  config,
  async run(probe, c) {
    const h = await probe.header();
    const scores = {
      width: h.width,
      height: h.height,
      aspect: h.width / h.height,
      bytes: h.bytes,
      frames: h.pages,
    };
    if (c.formats.length > 0 && !c.formats.includes(h.format))
      return { scores, failure: `format ${h.format} is not one of ${c.formats.join(", ")}` };
    if (c.maxBytes !== null && h.bytes > c.maxBytes)
      return { scores, failure: `${h.bytes} bytes, above ${c.maxBytes}` };
    if (!c.allowAnimated && h.pages > 1) return { scores, failure: `animated (${h.pages} frames)` };
    return { scores };
  },
};
