/**
 * The pixel data the full-reference metrics read: interleaved 8-bit channels, row-major, as
 * sharp's `.raw()` gives them. Both images of a pair must have the same size and channel count.
 */
export type RawImage = {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  data: Uint8Array | Uint8ClampedArray;
};

export class ImagePairError extends Error {
  override name = "ImagePairError";
}

export function assertSameShape(a: RawImage, b: RawImage): void {
  if (a.width !== b.width || a.height !== b.height)
    throw new ImagePairError(`the images differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  if (a.channels !== b.channels)
    throw new ImagePairError(`the images differ in channels: ${a.channels} and ${b.channels}`);
  if (a.data.length !== a.width * a.height * a.channels || b.data.length !== b.width * b.height * b.channels)
    throw new ImagePairError("the pixel data does not match the stated size");
}

/** Which colour channels a metric compares (alpha is never compared). */
export type ColorMode = "rgb" | "y";

/**
 * The planes a metric compares, as float64: each colour channel ("rgb"; one channel for gray),
 * or the luma Y of ITU-R BT.601 in the studio range 16–235 ("y"), computed as MATLAB's
 * `rgb2ycbcr` does — the convention of super-resolution and restoration papers:
 * Y = 16 + (65.481·R + 128.553·G + 24.966·B) / 255.
 */
export function planesOf(image: RawImage, mode: ColorMode): Float64Array[] {
  const { width, height, channels, data } = image;
  const n = width * height;
  const color = channels >= 3 ? 3 : 1;
  if (mode === "y" && color === 3) {
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = i * channels;
      y[i] = 16 + (65.481 * data[p]! + 128.553 * data[p + 1]! + 24.966 * data[p + 2]!) / 255;
    }
    return [y];
  }
  return Array.from({ length: color }, (_, c) => {
    const plane = new Float64Array(n);
    for (let i = 0; i < n; i++) plane[i] = data[i * channels + c]!;
    return plane;
  });
}
