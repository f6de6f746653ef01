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
  const histogram = image.histogram ?? histogramOf(data);
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

/**
 * The count of each 8-bit value. Four partial histograms, filled in turn and added at the end: runs
 * of equal neighbouring pixels (common in images) would otherwise make each increment wait for
 * the one before it to the same counter.
 */
export function histogramOf(data: Uint8Array): Uint32Array {
  const a = new Uint32Array(256);
  const b = new Uint32Array(256);
  const c = new Uint32Array(256);
  const d = new Uint32Array(256);
  const n = data.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    a[data[i]!]!++;
    b[data[i + 1]!]!++;
    c[data[i + 2]!]!++;
    d[data[i + 3]!]!++;
  }
  for (; i < n; i++) a[data[i]!]!++;
  for (let v = 0; v < 256; v++) a[v] = a[v]! + b[v]! + c[v]! + d[v]!;
  return a;
}
