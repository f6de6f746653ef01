import type { GrayImage } from "./gray-image";

/** Pixels summed in 32-bit integers before the sums move to doubles: 2048 · 1020² < 2³¹. */
const CHUNK = 2048;

/**
 * Sharpness as the variance of the Laplacian (Pech-Pacheco et al., "Diatom autofocusing in
 * brightfield microscopy: a comparative study", ICPR 2000; the usual blur filter of curation
 * pipelines, as in OpenCV's `cv2.Laplacian(gray, cv2.CV_64F).var()`):
 *
 *   L(x, y) = I(x−1, y) + I(x+1, y) + I(x, y−1) + I(x, y+1) − 4·I(x, y)
 *   score   = Var(L) over the interior pixels
 *
 * Low values mean few edges: a blurry or flat image. The value depends on the working size, so
 * every image is measured at the same one (see image-probe.ts). Images smaller than 3×3 score 0.
 */
export function laplacianVariance(image: GrayImage): number {
  const { width: w, height: h, data } = image;
  if (w < 3 || h < 3) return 0;
  let sum = 0;
  let sumSquares = 0;
  for (let y = 1; y < h - 1; y++) {
    const up = (y - 1) * w;
    const row = y * w;
    const down = (y + 1) * w;
    // The row's left and centre pixels slide along: three reads a pixel instead of five. The sums
    // run in 32-bit integers over at most CHUNK pixels (CHUNK · 1020² < 2³¹), then add up as doubles.
    let left = data[row]!;
    let centre = data[row + 1]!;
    for (let from = 1; from < w - 1; from += CHUNK) {
      const to = Math.min(w - 1, from + CHUNK);
      let chunkSum = 0;
      let chunkSquares = 0;
      for (let x = from; x < to; x++) {
        const right = data[row + x + 1]!;
        const l = (left + right + data[up + x]! + data[down + x]! - 4 * centre) | 0;
        chunkSum = (chunkSum + l) | 0;
        chunkSquares = (chunkSquares + Math.imul(l, l)) | 0;
        left = centre;
        centre = right;
      }
      sum += chunkSum;
      sumSquares += chunkSquares;
    }
  }
  const n = (w - 2) * (h - 2);
  const mean = sum / n;
  return Math.max(0, sumSquares / n - mean * mean);
}
