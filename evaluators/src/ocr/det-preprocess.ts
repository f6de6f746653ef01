/**
 * The input side of PaddleOCR's DB text detector, as `tools/infer/predict_det.py` (TextDetector)
 * builds it for PP-OCRv4 (ppocr/data/imaug/operators.py):
 *
 *   DetResizeForTest  limit_type "max", limit_side_len 960 (tools/infer/utility.py defaults
 *                     `det_limit_type="max"`, `det_limit_side_len=960`): scale so the longer side
 *                     is at most 960 (never enlarge), truncate with int(), then round each side
 *                     to a multiple of 32 — `max(int(round(side / 32) * 32), 32)`, Python's
 *                     round, ties to even — and resize to exactly that (cv2.resize, bilinear).
 *                     The aspect ratio may change a little; the probability map is in this frame.
 *   NormalizeImage    scale 1/255, mean [0.485, 0.456, 0.406], std [0.229, 0.224, 0.225],
 *                     order "hwc", applied to channel index 0, 1, 2 of the image as read.
 *   ToCHWImage        planar NCHW float32.
 *
 * Channel order: PaddleOCR reads the image with `cv2.imread`, which gives **BGR**, and the
 * PP-OCRv4 det configs train on `DecodeImage: img_mode: BGR`
 * (configs/det/PP-OCRv4/PP-OCRv4_mobile_det.yml). So plane 0 is blue normalized with mean 0.485 /
 * std 0.229, plane 1 green with 0.456 / 0.224, plane 2 red with 0.406 / 0.225 — the ImageNet
 * constants are paired with the channel *index*, not with the colour they were measured on. We
 * feed exactly that, so the network sees what it was trained on. (@gutenye/ocr-common, the
 * package the model ships for, also stacks B, G, R but normalizes by colour and by default skips
 * mean/std; we follow PaddleOCR, the reference.)
 */
import { roundHalfEven } from "./round-half-even";

/** PaddleOCR's `det_limit_side_len` for PP-OCRv4 inference (tools/infer/utility.py). */
export const LIMIT_SIDE_LEN = 960;
/** The detector's total stride: both sides of its input must be multiples of this. */
const STRIDE = 32;

/** ImageNet statistics, by channel index of a BGR image (see the file comment). */
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

export type Size = { width: number; height: number };

/** `DetResizeForTest.resize_image_type0` with limit_type "max": the size the detector sees. */
export function detResizeSize(width: number, height: number, limitSideLen = LIMIT_SIDE_LEN): Size {
  const longer = Math.max(width, height);
  const ratio = longer > limitSideLen ? limitSideLen / longer : 1;
  const side = (n: number) => Math.max(roundHalfEven(Math.trunc(n * ratio) / STRIDE) * STRIDE, STRIDE);
  return { width: side(width), height: side(height) };
}

/**
 * NormalizeImage + ToCHWImage: interleaved 8-bit RGB (as sharp's `.raw()` gives it) → planar
 * float32 [B, G, R] planes, each (v/255 − mean[i]) / std[i] for plane index i. Length 3·w·h,
 * ready for a [1, 3, h, w] tensor.
 */
export function detectorInput(rgb: Uint8Array, width: number, height: number): Float32Array {
  const n = width * height;
  if (rgb.length !== n * 3) throw new RangeError(`expected ${n * 3} bytes of RGB, got ${rgb.length}`);
  const out = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    const r = rgb[3 * i]!;
    const g = rgb[3 * i + 1]!;
    const b = rgb[3 * i + 2]!;
    out[i] = (b / 255 - MEAN[0]) / STD[0];
    out[n + i] = (g / 255 - MEAN[1]) / STD[1];
    out[2 * n + i] = (r / 255 - MEAN[2]) / STD[2];
  }
  return out;
}
