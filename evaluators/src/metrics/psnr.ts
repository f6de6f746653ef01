/**
 * Peak signal-to-noise ratio: PSNR = 10 · log10(R² / MSE), with R the data range (255 for 8-bit
 * images) and MSE the mean squared error over every compared value — all colour channels together
 * ("rgb", as skimage.metrics.peak_signal_noise_ratio and torchmetrics compute it for one image), or
 * the luma Y ("y", as restoration papers report it). Identical images have no noise: +Infinity,
 * which callers store as "identical", never as a number.
 */
import { assertSameShape, planesOf, type ColorMode, type RawImage } from "./image";

export function psnr(a: RawImage, b: RawImage, opts: { mode?: ColorMode; dataRange?: number } = {}): number {
  assertSameShape(a, b);
  const mode = opts.mode ?? "rgb";
  const range = opts.dataRange ?? 255;
  const pa = planesOf(a, mode);
  const pb = planesOf(b, mode);
  let sum = 0;
  let count = 0;
  for (let c = 0; c < pa.length; c++) {
    const x = pa[c]!;
    const y = pb[c]!;
    for (let i = 0; i < x.length; i++) {
      const d = x[i]! - y[i]!;
      sum += d * d;
    }
    count += x.length;
  }
  const mse = sum / count;
  return mse === 0 ? Infinity : 10 * Math.log10((range * range) / mse);
}
