import type { GrayImage } from "./gray-image";

/** Luma at or below this is "crushed black"; at or above 255 − this, "blown white". */
export const CLIP_LEVEL = 8;

export type Exposure = {
  /** Mean luma, 0 (black) … 1 (white). */
  meanLuma: number;
  /** Share of pixels at or below CLIP_LEVEL. */
  darkShare: number;
  /** Share of pixels at or above 255 − CLIP_LEVEL. */
  brightShare: number;
};

/**
 * How dark or bright an image is: mean luma and the shares of clipped pixels. Too-dark and
 * too-bright frames are a standard curation filter (Movie Gen's visual-quality filters drop
 * them); thresholds are the stage's, the measurement is here.
 */
export function exposureOf(image: GrayImage): Exposure {
  const { data } = image;
  if (data.length === 0) return { meanLuma: 0, darkShare: 0, brightShare: 0 };
  // A histogram first: one tight loop over the pixels, then 256 steps.
  const histogram = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) histogram[data[i]!]!++;
  let sum = 0;
  let dark = 0;
  let bright = 0;
  for (let v = 0; v < 256; v++) {
    const n = histogram[v]!;
    sum += v * n;
    if (v <= CLIP_LEVEL) dark += n;
    else if (v >= 255 - CLIP_LEVEL) bright += n;
  }
  return {
    meanLuma: sum / data.length / 255,
    darkShare: dark / data.length,
    brightShare: bright / data.length,
  };
}
