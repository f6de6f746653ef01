/**
 * From a DB probability map to text boxes and the fraction of the frame they cover — the post-
 * processing half of the OCR text-area filter (Movie Gen's curation drops images and videos whose
 * text covers too much of the frame). Pure: a map in, numbers out.
 *
 * Reference: PaddleOCR's `DBPostProcess` (ppocr/postprocess/db_postprocess.py, after
 * DBNet.pytorch's seg_detector_representer.py) with the PP-OCRv4 det settings
 * (configs/det/PP-OCRv4/PP-OCRv4_mobile_det.yml, tools/infer/utility.py):
 * thresh 0.3, box_thresh 0.6, unclip_ratio 1.5, min_size 3, max_candidates 1000.
 *
 *   1. bitmap = pred > thresh                                  (DBPostProcess.__call__, strict >)
 *   2. regions: 8-connected components of the bitmap, in raster order of their first pixel; the
 *      first max_candidates are candidates. DB takes `cv2.findContours` contours, and OpenCV's
 *      border following treats foreground as 8-connected, so 8-connectivity gives the same
 *      regions (holes aside: RETR_LIST also lists hole contours, which we do not).
 *   3. the box of a region: its axis-aligned bounding box, measured as OpenCV measures contours —
 *      between pixel centres — so a region spanning columns x0…x1 is w = x1 − x0 wide (DB fits a
 *      rotated `minAreaRect`; for the horizontal text that dominates, they agree).
 *      Dropped when min(w, h) < min_size (DB: `sside < self.min_size`).
 *   4. score = mean probability over the region's pixels; dropped when score < box_thresh
 *      (DB: `if self.box_thresh > score: continue`). This is DB's score_mode "slow" (the mean
 *      inside the contour polygon); "fast" averages over the rotated box, which for an axis-aligned
 *      box would also count the background around slanted text.
 *   5. unclip: DB offsets the box polygon outward by
 *          d = area · unclip_ratio / perimeter = w·h·1.5 / (2·(w + h))
 *      (DB.unclip, pyclipper JT_ROUND) and takes the minAreaRect of the result, which for a
 *      rectangle is the rectangle grown by d on every side: [x0 − d, x1 + d] × [y0 − d, y1 + d].
 *      Dropped when its shorter side < min_size + 2 (never true after step 3 with the defaults:
 *      w, h ≥ 3 gives d ≥ 1.125).
 *   6. DB rounds the corners with np.round (ties to even) and clips them to the frame; the box
 *      then covers pixel columns round(x0 − d) … round(x1 + d) (a filled polygon with integer
 *      vertices at pixel centres), clipped to 0 … W − 1, likewise for rows.
 *
 *   fraction = |⋃ boxes| / (W · H)      (pixels of the map frame covered by at least one box)
 *
 * The fraction is scale-free, so the one measured in the detector's resized frame is the one of
 * the original image.
 */
import { roundHalfEven } from "./round-half-even";

/** The detector's output for one image: probabilities in 0…1, row-major, W × H. */
export type ProbabilityMap = { data: ArrayLike<number>; width: number; height: number };

export type DbParams = {
  /** Binarization threshold on the probability map. */
  thresh: number;
  /** Least mean probability of a region kept as text. */
  boxThresh: number;
  /** Least shorter side of a region's box, in pixels (centre to centre). */
  minSize: number;
  /** DB's unclip ratio r: each side grows by area·r/perimeter. */
  unclipRatio: number;
  /** Regions considered at most (the first ones in raster order). */
  maxCandidates: number;
};

/** PP-OCRv4 det post-processing (configs/det/PP-OCRv4/PP-OCRv4_mobile_det.yml, DBPostProcess). */
export const DB_PARAMS: Readonly<DbParams> = {
  thresh: 0.3,
  boxThresh: 0.6,
  minSize: 3,
  unclipRatio: 1.5,
  maxCandidates: 1000,
};

/** A connected region of the bitmap: inclusive pixel bounds, size and mean probability. */
export type Component = {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  pixels: number;
  meanProbability: number;
};

/** A box of whole pixels: columns x … x + width − 1, rows y … y + height − 1. */
export type Rect = { x: number; y: number; width: number; height: number };

export type TextRegions = {
  /** The kept boxes, grown by DB's unclip, in the map's pixels. */
  boxes: Rect[];
  /** Pixels covered by at least one box. */
  coveredPixels: number;
  /** coveredPixels / (W · H), in 0…1. */
  fraction: number;
};

function assertMap(map: ProbabilityMap): void {
  const { width, height, data } = map;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
    throw new RangeError(`the probability map must have a positive integer size, got ${width}×${height}`);
  if (data.length !== width * height)
    throw new RangeError(`the probability map has ${data.length} values for ${width}×${height}`);
}

/** 1 where p > thresh (strictly, as DB's `pred > self.thresh`); NaN is never text. */
export function binarize(map: ProbabilityMap, thresh: number): Uint8Array {
  assertMap(map);
  const out = new Uint8Array(map.width * map.height);
  for (let i = 0; i < out.length; i++) out[i] = map.data[i]! > thresh ? 1 : 0;
  return out;
}

/**
 * The 8-connected components of `mask` (1 = foreground), in raster order of each one's first
 * (top-most, then left-most) pixel, with the mean of `map` over each one's pixels.
 */
export function connectedComponents(mask: Uint8Array, map: ProbabilityMap): Component[] {
  assertMap(map);
  const { width, height, data } = map;
  if (mask.length !== width * height) throw new RangeError("the mask and the map differ in size");
  const seen = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  const components: Component[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1 || seen[start] === 1) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let minX = width;
    let minY = height;
    let maxX = -1;
    let maxY = -1;
    let pixels = 0;
    let sum = 0;
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % width;
      const y = (i - x) / width;
      pixels++;
      sum += data[i]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (mask[j] === 1 && seen[j] === 0) {
            seen[j] = 1;
            stack[top++] = j;
          }
        }
      }
    }
    components.push({ minX, minY, maxX, maxY, pixels, meanProbability: sum / pixels });
  }
  return components;
}

/**
 * Steps 3, 5 and 6 for one region: its box grown by DB's unclip distance, rounded and clipped to
 * the W × H frame; null when DB's size checks drop it. (The score check is the caller's.)
 */
export function unclipBox(
  component: Component,
  width: number,
  height: number,
  params: Pick<DbParams, "minSize" | "unclipRatio"> = DB_PARAMS,
): Rect | null {
  const w = component.maxX - component.minX;
  const h = component.maxY - component.minY;
  if (Math.min(w, h) < params.minSize) return null;
  const perimeter = 2 * (w + h);
  const d = perimeter > 0 ? (w * h * params.unclipRatio) / perimeter : 0;
  if (Math.min(w, h) + 2 * d < params.minSize + 2) return null;
  const x0 = Math.max(0, roundHalfEven(component.minX - d));
  const x1 = Math.min(width - 1, roundHalfEven(component.maxX + d));
  const y0 = Math.max(0, roundHalfEven(component.minY - d));
  const y1 = Math.min(height - 1, roundHalfEven(component.maxY + d));
  if (x1 < x0 || y1 < y0) return null;
  return { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * Pixels of the W × H frame inside at least one rect (rects are clipped to the frame first):
 * a 2-D difference array and its prefix sums, O(W·H + rects) whatever the overlaps.
 */
export function unionArea(rects: readonly Rect[], width: number, height: number): number {
  const stride = width + 1;
  const diff = new Int32Array(stride * (height + 1));
  for (const r of rects) {
    const x0 = Math.max(0, r.x);
    const y0 = Math.max(0, r.y);
    const x1 = Math.min(width, r.x + r.width);
    const y1 = Math.min(height, r.y + r.height);
    if (x1 <= x0 || y1 <= y0) continue;
    diff[y0 * stride + x0]!++;
    diff[y0 * stride + x1]!--;
    diff[y1 * stride + x0]!--;
    diff[y1 * stride + x1]!++;
  }
  let covered = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * stride + x;
      let v = diff[i]!;
      if (x > 0) v += diff[i - 1]!;
      if (y > 0) v += diff[i - stride]!;
      if (x > 0 && y > 0) v -= diff[i - stride - 1]!;
      diff[i] = v;
      if (v > 0) covered++;
    }
  return covered;
}

/** Steps 1–6 and the fraction (see the file comment). */
export function textRegions(map: ProbabilityMap, params: Readonly<DbParams> = DB_PARAMS): TextRegions {
  const { width, height } = map;
  const mask = binarize(map, params.thresh);
  const candidates = connectedComponents(mask, map).slice(0, Math.max(0, params.maxCandidates));
  const boxes: Rect[] = [];
  for (const component of candidates) {
    const box = unclipBox(component, width, height, params);
    if (box === null || component.meanProbability < params.boxThresh) continue;
    boxes.push(box);
  }
  const coveredPixels = unionArea(boxes, width, height);
  return { boxes, coveredPixels, fraction: coveredPixels / (width * height) };
}
