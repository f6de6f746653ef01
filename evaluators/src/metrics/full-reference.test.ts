import { describe, expect, it } from "vitest";
import { ImagePairError, type RawImage } from "./image";
import { psnr } from "./psnr";
import { ssim } from "./ssim";

/**
 * Fixed 32×24 RGB images: a[y, x, c] = (7x + 13y + 50c) mod 256, and b = a plus a deterministic
 * error in −10…10, clipped to 0…255.
 *
 * Expected values: computed with numpy 2.4 and scipy 1.17 by re-implementing
 * skimage.metrics.peak_signal_noise_ratio and structural_similarity (gaussian_weights=True,
 * sigma=1.5, use_sample_covariance=False, data_range=255): scipy.ndimage.gaussian_filter(sigma=1.5,
 * truncate=3.5, mode="reflect") for the local statistics, the map cropped by 5 pixels, per-channel
 * SSIMs averaged; Y = 16 + (65.481 R + 128.553 G + 24.966 B) / 255 (MATLAB rgb2ycbcr).
 */
function pair(channels: 1 | 3): [RawImage, RawImage] {
  const width = 32;
  const height = 24;
  const a = new Uint8Array(width * height * channels);
  const b = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < channels; c++) {
        const i = (y * width + x) * channels + c;
        a[i] = (x * 7 + y * 13 + c * 50) % 256;
        b[i] = Math.min(255, Math.max(0, a[i]! + ((x * 31 + y * 17 + c * 11) % 21) - 10));
      }
  return [
    { width, height, channels, data: a },
    { width, height, channels, data: b },
  ];
}

describe("PSNR", () => {
  it("matches the numpy reference over RGB, over Y and for a gray image", () => {
    const [a, b] = pair(3);
    expect(psnr(a, b)).toBeCloseTo(32.581466098045084, 10);
    expect(psnr(a, b, { mode: "y" })).toBeCloseTo(39.840131899002515, 10);
    const [g, gb] = pair(1);
    expect(psnr(g, gb)).toBeCloseTo(32.59772680212685, 10);
  });

  it("is +Infinity for identical images and refuses a pair of different sizes", () => {
    const [a] = pair(3);
    expect(psnr(a, a)).toBe(Infinity);
    expect(() => psnr(a, { ...a, width: 16, data: a.data.subarray(0, 16 * 24 * 3) })).toThrow(ImagePairError);
  });
});

describe("SSIM", () => {
  it("matches the skimage algorithm re-implemented with scipy, per channel and on Y", () => {
    const [a, b] = pair(3);
    expect(ssim(a, b)).toBeCloseTo(0.978653328935487, 12);
    expect(ssim(a, b, { mode: "y" })).toBeCloseTo(0.9929847218839798, 12);
    const [g, gb] = pair(1);
    expect(ssim(g, gb)).toBeCloseTo(0.9815511775795689, 12);
  });

  it("is 1 for identical images, ignores alpha, and refuses images smaller than its window", () => {
    const [a, b] = pair(3);
    expect(ssim(a, a)).toBeCloseTo(1, 12);
    const withAlpha = (img: RawImage, alpha: number): RawImage => {
      const data = new Uint8Array(img.width * img.height * 4);
      for (let i = 0; i < img.width * img.height; i++) {
        data.set(img.data.subarray(i * 3, i * 3 + 3), i * 4);
        data[i * 4 + 3] = alpha;
      }
      return { ...img, channels: 4, data };
    };
    expect(ssim(withAlpha(a, 255), withAlpha(b, 0))).toBeCloseTo(ssim(a, b), 12);
    const tiny: RawImage = { width: 8, height: 8, channels: 1, data: new Uint8Array(64) };
    expect(() => ssim(tiny, tiny)).toThrow(/at least 11×11/);
  });
});
