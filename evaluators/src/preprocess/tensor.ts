/**
 * The tensor end of the pipelines: torchvision's `ToTensor` and `Normalize` in float32, the crop
 * window on CHW planes, and stacking images into an NCHW batch.
 *
 * Sources: torchvision/transforms/functional.py — `to_tensor` (a uint8 image becomes
 * `img.to(float32).div(255)`; a float array is taken as is), `normalize`
 * (`tensor.sub_(mean).div_(std)` with mean and std as float32 tensors).
 */
import { PreprocessError } from "./errors";
import type { RgbImage } from "./decode";
import type { Raster8 } from "./raster";

/** One image: CHW float32, `shape` = [3, height, width]. */
export type ImageTensor = { data: Float32Array; shape: [3, number, number] };

/** A batch: NCHW float32, `shape` = [n, 3, height, width]. */
export type BatchTensor = { data: Float32Array; shape: [number, 3, number, number] };

const f32 = Math.fround;

/** `ToTensor` of a uint8 value: float32(v) / 255 in float32, for v = 0…255. */
export const TO_TENSOR_TABLE = Float32Array.from({ length: 256 }, (_, v) => f32(v / 255));

/** Interleaved 8-bit RGB to CHW float32 planes divided by 255, as `ToTensor` does. */
export function rgbToPlanes(image: RgbImage | Raster8): Float32Array {
  const { width, height, data } = image;
  const n = width * height;
  if (("channels" in image && image.channels !== 3) || data.length !== n * 3)
    throw new PreprocessError("expected interleaved RGB pixel data of the stated size");
  const planes = new Float32Array(3 * n);
  for (let i = 0, p = 0; i < n; i++, p += 3) {
    planes[i] = TO_TENSOR_TABLE[data[p]!]!;
    planes[n + i] = TO_TENSOR_TABLE[data[p + 1]!]!;
    planes[2 * n + i] = TO_TENSOR_TABLE[data[p + 2]!]!;
  }
  return planes;
}

/**
 * The crop window of CHW planes: output (x, y) of each plane is input (x + left, y + top), zero
 * outside the input (torchvision pads with 0 before cropping; see geometry.centerCropOffsets).
 */
export function cropPlanes(
  planes: Float32Array,
  channels: number,
  width: number,
  height: number,
  window: { left: number; top: number; width: number; height: number },
): Float32Array {
  if (planes.length !== channels * width * height)
    throw new PreprocessError("the plane data does not match the stated size");
  const { left, top, width: w, height: h } = window;
  const out = new Float32Array(channels * w * h);
  for (let c = 0; c < channels; c++)
    for (let y = 0; y < h; y++) {
      const sy = y + top;
      if (sy < 0 || sy >= height) continue;
      const from = Math.max(0, -left);
      const to = Math.min(w, width - left);
      if (to <= from) continue;
      const src = (c * height + sy) * width + left;
      out.set(planes.subarray(src + from, src + to), (c * h + y) * w + from);
    }
  return out;
}

/**
 * `Normalize(mean, std)` in place: (x − mean[c]) / std[c], each step in float32 with mean and std
 * rounded to float32 first, as torch does with `torch.as_tensor(mean, dtype=float32)`.
 */
export function normalizePlanes(
  planes: Float32Array,
  mean: readonly [number, number, number],
  std: readonly [number, number, number],
): void {
  const n = planes.length / 3;
  for (let c = 0; c < 3; c++) {
    const m = f32(mean[c]!);
    const s = f32(std[c]!);
    if (m === 0 && s === 1) continue; // x − 0 = x and x / 1 = x exactly
    for (let i = c * n, end = (c + 1) * n; i < end; i++) planes[i] = f32(planes[i]! - m) / s;
  }
}

/** Concatenates images of one shape into an NCHW batch (what a DataLoader's collate does). */
export function stackBatch(images: readonly ImageTensor[]): BatchTensor {
  const first = images[0];
  if (!first) throw new PreprocessError("a batch needs at least one image");
  const [, height, width] = first.shape;
  const size = 3 * height * width;
  const data = new Float32Array(images.length * size);
  images.forEach((image, i) => {
    const [c, h, w] = image.shape;
    if (c !== 3 || h !== height || w !== width || image.data.length !== size)
      throw new PreprocessError(
        `image ${i} has shape [${image.shape.join(", ")}], the batch [3, ${height}, ${width}]`,
      );
    data.set(image.data, i * size);
  });
  return { data, shape: [images.length, 3, height, width] };
}
