/**
 * The sizes and offsets of torchvision's `Resize(int)` and `CenterCrop(int)`, the two geometric
 * steps of the CLIP and DINO eval transforms.
 *
 * Source: torchvision/transforms/functional.py — `_compute_resized_output_size` (used by
 * `resize`), `center_crop`.
 */
import { PreprocessError } from "./errors";

export type Size = { width: number; height: number };

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new PreprocessError(`${name} must be a positive integer, got ${value}`);
}

/**
 * `Resize(size)` with an int (no max_size): the shorter side becomes `size`, the longer
 * `int(size · long / short)` — Python's true division, then truncation. Ties (square images)
 * count as "width is the shorter side" (`short, long = (w, h) if w <= h else (h, w)`).
 */
export function resizeShortestSide(width: number, height: number, size: number): Size {
  assertPositiveInteger("the image width", width);
  assertPositiveInteger("the image height", height);
  assertPositiveInteger("the resize size", size);
  const [short, long] = width <= height ? [width, height] : [height, width];
  const newLong = Math.trunc((size * long) / short);
  return width <= height ? { width: size, height: newLong } : { width: newLong, height: size };
}

/** Python 3's `round()` of a float: to the nearest integer, ties to the even one. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * Where `center_crop(img, [cropHeight, cropWidth])` takes its window, as an offset into the
 * unpadded image: output pixel (x, y) is input pixel (x + left, y + top), and zero where that lies
 * outside the image.
 *
 * torchvision first pads a side that is smaller than the crop with zeros —
 * (crop − size) // 2 before and (crop − size + 1) // 2 after — then takes
 * `crop_top = int(round((height − crop_height) / 2.0))` and `crop_left` likewise on the padded
 * image. `round` is Python's, half to even: a 227-wide image cropped to 224 starts at column 2
 * (round(1.5)), a 229-wide one also at 2 (round(2.5)), a 225-wide one at 0 (round(0.5)).
 */
export function centerCropOffsets(
  width: number,
  height: number,
  cropWidth: number,
  cropHeight: number,
): { left: number; top: number } {
  assertPositiveInteger("the image width", width);
  assertPositiveInteger("the image height", height);
  assertPositiveInteger("the crop width", cropWidth);
  assertPositiveInteger("the crop height", cropHeight);
  const axis = (size: number, crop: number): number => {
    if (crop <= size) return roundHalfEven((size - crop) / 2);
    // Padded to exactly `crop` on this axis: the window starts at the padded origin.
    return -Math.floor((crop - size) / 2);
  };
  return { left: axis(width, cropWidth), top: axis(height, cropHeight) };
}
