/**
 * Structural similarity (Wang, Bovik, Sheikh & Simoncelli 2004, "Image quality assessment: from
 * error visibility to structural similarity"), computed as skimage.metrics.structural_similarity
 * does with `gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255` —
 * the settings that reproduce the paper:
 *
 *   μx, μy, σx², σy², σxy  local statistics under a Gaussian window (σ = 1.5, radius 5: 11×11),
 *                          filtered like scipy.ndimage.gaussian_filter (truncate 3.5, mode
 *                          "reflect": the edge pixel repeated, d c b a | a b c d)
 *   SSIM map = ((2μxμy + C1)(2σxy + C2)) / ((μx² + μy² + C1)(σx² + σy² + C2)),
 *              C1 = (0.01·R)², C2 = (0.03·R)²
 *   SSIM     = mean of the map after cropping (win − 1)/2 = 5 pixels from every border
 *              (skimage's convention; the filtered border is not trusted).
 *
 * Colour images: the mean of the per-channel SSIMs ("rgb", skimage's `channel_axis`), or SSIM of
 * the luma Y ("y", BT.601 as MATLAB's rgb2ycbcr).
 */
import { assertSameShape, ImagePairError, planesOf, type ColorMode, type RawImage } from "./image";

const SIGMA = 1.5;
const RADIUS = Math.floor(3.5 * SIGMA + 0.5); // 5: scipy's int(truncate·σ + 0.5)
const K1 = 0.01;
const K2 = 0.03;

const WEIGHTS = (() => {
  const w = Array.from({ length: 2 * RADIUS + 1 }, (_, i) =>
    Math.exp(-((i - RADIUS) ** 2) / (2 * SIGMA * SIGMA)),
  );
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
})();

/** scipy.ndimage "reflect": index −1 → 0, −2 → 1, n → n − 1, n + 1 → n − 2. */
function reflect(i: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * n;
  let j = ((i % period) + period) % period;
  if (j >= n) j = period - 1 - j;
  return j;
}

/** The separable Gaussian filter of a plane (rows, then columns). */
function gaussian(plane: Float64Array, width: number, height: number): Float64Array {
  const rows = new Float64Array(plane.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -RADIUS; k <= RADIUS; k++)
        s += WEIGHTS[k + RADIUS]! * plane[y * width + reflect(x + k, width)]!;
      rows[y * width + x] = s;
    }
  const out = new Float64Array(plane.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -RADIUS; k <= RADIUS; k++)
        s += WEIGHTS[k + RADIUS]! * rows[reflect(y + k, height) * width + x]!;
      out[y * width + x] = s;
    }
  return out;
}

function ssimOfPlanes(
  x: Float64Array,
  y: Float64Array,
  width: number,
  height: number,
  range: number,
): number {
  const product = (a: Float64Array, b: Float64Array) => a.map((v, i) => v * b[i]!);
  const ux = gaussian(x, width, height);
  const uy = gaussian(y, width, height);
  const uxx = gaussian(product(x, x), width, height);
  const uyy = gaussian(product(y, y), width, height);
  const uxy = gaussian(product(x, y), width, height);
  const c1 = (K1 * range) ** 2;
  const c2 = (K2 * range) ** 2;
  let sum = 0;
  let count = 0;
  for (let r = RADIUS; r < height - RADIUS; r++)
    for (let c = RADIUS; c < width - RADIUS; c++) {
      const i = r * width + c;
      const mx = ux[i]!;
      const my = uy[i]!;
      const vx = uxx[i]! - mx * mx;
      const vy = uyy[i]! - my * my;
      const vxy = uxy[i]! - mx * my;
      sum += ((2 * mx * my + c1) * (2 * vxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
      count++;
    }
  return sum / count;
}

export function ssim(a: RawImage, b: RawImage, opts: { mode?: ColorMode; dataRange?: number } = {}): number {
  assertSameShape(a, b);
  const window = 2 * RADIUS + 1;
  if (a.width < window || a.height < window)
    throw new ImagePairError(
      `SSIM needs images of at least ${window}×${window} pixels (got ${a.width}×${a.height})`,
    );
  const mode = opts.mode ?? "rgb";
  const range = opts.dataRange ?? 255;
  const pa = planesOf(a, mode);
  const pb = planesOf(b, mode);
  let total = 0;
  for (let c = 0; c < pa.length; c++) total += ssimOfPlanes(pa[c]!, pb[c]!, a.width, a.height, range);
  return total / pa.length;
}
