/**
 * Pillow's `Image.resize` with the BICUBIC and BILINEAR filters, reproduced operation for
 * operation so that the numbers equal what the Python references get (torchvision's `Resize` on a
 * PIL image calls `img.resize(size, BICUBIC)`; clean-fid resizes float "F" images).
 *
 * Source: Pillow, src/libImaging/Resample.c (`precompute_coeffs`, `normalize_coeffs_8bpc`,
 * `ImagingResampleHorizontal_8bpc`/`Vertical_8bpc`, `..._32bpc`, `ImagingResampleInner`), and
 * src/PIL/Image.py (`Image.resize`). What this file copies from them:
 *
 * - Filters: bicubic is the Keys cubic with a = −0.5, support 2; bilinear the triangle, support 1.
 * - Antialiasing: when shrinking, the filter is stretched by the scale (`filterscale = scale`,
 *   `support = filter.support · filterscale`), so every output pixel averages its whole footprint.
 * - Coefficients (double): for output pixel xx, `center = (xx + 0.5)·scale`,
 *   `xmin = (int)(center − support + 0.5)` clamped ≥ 0, `xmax = (int)(center + support + 0.5)`
 *   clamped ≤ inSize (C's (int) truncates toward zero), weights `filter((x + xmin − center + 0.5) ·
 *   (1/filterscale))` for x in [0, xmax − xmin), divided by their sum (when it is not 0).
 * - 8-bit images ("RGB", "L"): weights to fixed point with PRECISION_BITS = 32 − 8 − 2 = 22,
 *   `(int)(w·2²² ± 0.5)` (half away from zero); integer accumulation from `1 << 21` (the rounding
 *   half); `clip8` = arithmetic shift right by 22, then clamp to 0…255 (its lookup table).
 * - Float images ("F"): 32-bit float pixels times double weights, summed in double from 0, stored
 *   as float32 — also between the two passes.
 * - Order: the horizontal pass first, into an intermediate of the same type (8-bit: rounded and
 *   clipped), then the vertical pass. The horizontal pass runs only over the rows the vertical
 *   pass reads (`ybox_first` … `ybox_last`); a pass whose size does not change is skipped, and
 *   `Image.resize` returns a copy when neither changes.
 *
 * Every function can compute just a window of the output (what a centre crop keeps): an output
 * pixel depends only on its own coefficients and on the rows/columns they read, so the window
 * holds exactly the values the full resize would, at a fraction of the work — and a very
 * elongated image resized to a short side of 224 does not allocate its whole resized size.
 *
 * Not reproduced: the `box` and `reducing_gap` arguments (torchvision and clean-fid pass
 * neither), the other filters, and RGBA/LA (Pillow premultiplies alpha around the resize; the
 * pipelines drop alpha at decode).
 *
 * JavaScript numbers are IEEE doubles evaluated without fused multiply-adds, which is how the C
 * code runs in Pillow's x86-64 wheels (SSE2); a build that contracts `a·b + c` into FMAs (some
 * aarch64 compilers) can differ in the last bit of a weight, and so, rarely, by 1 in an 8-bit
 * pixel.
 */
import { PreprocessError } from "./errors";
import { fullWindow, type Plane32, type Raster8, type RasterF32, type Window } from "./raster";

export type PillowFilter = "bicubic" | "bilinear";

/**
 * Per output pixel, the first input index and the number of taps (`bounds`, 2 per pixel), and
 * `ksize` weights per pixel (`weights`, zero past the taps), as `precompute_coeffs` returns them.
 */
export type PillowCoefficients = { ksize: number; bounds: Int32Array; weights: Float64Array };

type Filter = { evaluate: (x: number) => number; support: number };

/** Resample.c `bilinear_filter`. */
function bilinearFilter(x: number): number {
  if (x < 0) x = -x;
  return x < 1 ? 1 - x : 0;
}

/** Resample.c `bicubic_filter`, a = −0.5, with its exact expression order. */
function bicubicFilter(x: number): number {
  const a = -0.5;
  if (x < 0) x = -x;
  if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
  if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
  return 0;
}

const FILTERS: Record<PillowFilter, Filter> = {
  bicubic: { evaluate: bicubicFilter, support: 2 },
  bilinear: { evaluate: bilinearFilter, support: 1 },
};

const PRECISION_BITS = 32 - 8 - 2;
const ONE = 2 ** PRECISION_BITS;
const HALF = 2 ** (PRECISION_BITS - 1);

function assertSize(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new PreprocessError(`${name} must be a positive integer, got ${value}`);
}

/**
 * Resample.c `precompute_coeffs` for the whole input range (box = (0, inSize)), for the output
 * pixels start … start + count − 1 (all of them by default).
 */
export function precomputeCoeffs(
  inSize: number,
  outSize: number,
  filter: PillowFilter,
  start = 0,
  count = outSize - start,
): PillowCoefficients {
  assertSize("the input size", inSize);
  assertSize("the output size", outSize);
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(count) ||
    start < 0 ||
    count < 1 ||
    start + count > outSize
  )
    throw new PreprocessError(`output pixels ${start}…${start + count - 1} are not within 0…${outSize - 1}`);
  const { evaluate, support: filterSupport } = FILTERS[filter];
  const scale = inSize / outSize;
  const filterscale = scale < 1 ? 1 : scale;
  const support = filterSupport * filterscale;
  const ksize = Math.ceil(support) * 2 + 1;
  const ss = 1 / filterscale;
  const bounds = new Int32Array(count * 2);
  const weights = new Float64Array(count * ksize);
  for (let i = 0; i < count; i++) {
    const center = (start + i + 0.5) * scale;
    let xmin = Math.trunc(center - support + 0.5);
    if (xmin < 0) xmin = 0;
    let xmax = Math.trunc(center + support + 0.5);
    if (xmax > inSize) xmax = inSize;
    xmax -= xmin;
    const k = i * ksize;
    let ww = 0;
    for (let x = 0; x < xmax; x++) {
      const w = evaluate((x + xmin - center + 0.5) * ss);
      weights[k + x] = w;
      ww += w;
    }
    if (ww !== 0) for (let x = 0; x < xmax; x++) weights[k + x] = weights[k + x]! / ww;
    bounds[i * 2] = xmin;
    bounds[i * 2 + 1] = xmax;
  }
  return { ksize, bounds, weights };
}

/** Resample.c `normalize_coeffs_8bpc`: weights to 22-bit fixed point, half away from zero. */
export function normalizeCoeffs8bpc(weights: Float64Array): Int32Array {
  const fixed = new Int32Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    fixed[i] = w < 0 ? Math.trunc(-0.5 + w * ONE) : Math.trunc(0.5 + w * ONE);
  }
  return fixed;
}

/**
 * Resample.c `clip8`: the int32 sum shifted right by PRECISION_BITS (an arithmetic shift, so
 * negative sums floor below 0), then clamped to 0…255 as its lookup table does.
 */
function clip8(ss: number): number {
  const v = ss >> PRECISION_BITS;
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/**
 * What a (windowed) resize reads and computes, as `ImagingResampleInner` decides it: whether each
 * pass runs (its size changes), the vertical coefficients of the window's rows, and the input rows
 * first … last the horizontal pass must produce for them (`ybox_first`, `ybox_last`).
 */
function plan(
  inW: number,
  inH: number,
  width: number,
  height: number,
  filter: PillowFilter,
  window: Window | undefined,
) {
  assertSize("the image width", inW);
  assertSize("the image height", inH);
  assertSize("the output width", width);
  assertSize("the output height", height);
  const win = window ?? fullWindow(width, height);
  const { left, top, width: w, height: h } = win;
  if (
    ![left, top, w, h].every(Number.isInteger) ||
    left < 0 ||
    top < 0 ||
    w < 1 ||
    h < 1 ||
    left + w > width ||
    top + h > height
  )
    throw new PreprocessError(`the output window ${w}×${h}+${left}+${top} is not inside ${width}×${height}`);
  const horizontal = width !== inW ? precomputeCoeffs(inW, width, filter, left, w) : null;
  const vertical = height !== inH ? precomputeCoeffs(inH, height, filter, top, h) : null;
  const first = vertical ? vertical.bounds[0]! : top;
  const last = vertical ? vertical.bounds[h * 2 - 2]! + vertical.bounds[h * 2 - 1]! : top + h;
  return { win, horizontal, vertical, first, last };
}

/**
 * `ImagingResampleHorizontal_8bpc` over input rows first … first + rows − 1. The C code sums in
 * `int`; so do we (`Math.imul`, `| 0`): the products and sums fit in 32 bits — that is what the two
 * spare bits of PRECISION_BITS are for — so the result is the C result exactly.
 */
function horizontal8(
  data: Uint8Array,
  inW: number,
  c: number,
  first: number,
  rows: number,
  coeffs: PillowCoefficients,
): Uint8Array {
  const kk = normalizeCoeffs8bpc(coeffs.weights);
  const { ksize, bounds } = coeffs;
  const width = bounds.length / 2;
  const out = new Uint8Array(width * rows * c);
  for (let y = 0; y < rows; y++) {
    const inRow = (y + first) * inW * c;
    let o = y * width * c;
    for (let xx = 0; xx < width; xx++) {
      const taps = bounds[xx * 2 + 1]!;
      const k = xx * ksize;
      const base = inRow + bounds[xx * 2]! * c;
      if (c === 3) {
        let s0 = HALF;
        let s1 = HALF;
        let s2 = HALF;
        for (let x = 0, p = base; x < taps; x++, p += 3) {
          const w = kk[k + x]!;
          s0 = (s0 + Math.imul(data[p]!, w)) | 0;
          s1 = (s1 + Math.imul(data[p + 1]!, w)) | 0;
          s2 = (s2 + Math.imul(data[p + 2]!, w)) | 0;
        }
        out[o++] = clip8(s0);
        out[o++] = clip8(s1);
        out[o++] = clip8(s2);
      } else {
        for (let ch = 0; ch < c; ch++) {
          let ss = HALF;
          for (let x = 0, p = base + ch; x < taps; x++, p += c)
            ss = (ss + Math.imul(data[p]!, kk[k + x]!)) | 0;
          out[o++] = clip8(ss);
        }
      }
    }
  }
  return out;
}

/**
 * `ImagingResampleVertical_8bpc`: output row i reads the source rows bounds[2i] − rowOffset …,
 * samples colStart … colStart + rowLength − 1 of each (rows `stride` samples apart). The C code
 * sums over the taps one pixel at a time; we add source rows into a row of int32 sums — the same
 * integer sums, read in memory order.
 */
function vertical8(
  src: Uint8Array,
  stride: number,
  colStart: number,
  rowLength: number,
  rowOffset: number,
  coeffs: PillowCoefficients,
): Uint8Array {
  const kk = normalizeCoeffs8bpc(coeffs.weights);
  const { ksize, bounds } = coeffs;
  const height = bounds.length / 2;
  const out = new Uint8Array(rowLength * height);
  const acc = new Int32Array(rowLength);
  for (let yy = 0; yy < height; yy++) {
    const ymin = bounds[yy * 2]! - rowOffset;
    const taps = bounds[yy * 2 + 1]!;
    const k = yy * ksize;
    acc.fill(HALF);
    let y = 0;
    // Four rows per sweep (fewer loads and stores of the sums); integer sums are exact in any order.
    for (; y + 4 <= taps; y += 4) {
      const w0 = kk[k + y]!;
      const w1 = kk[k + y + 1]!;
      const w2 = kk[k + y + 2]!;
      const w3 = kk[k + y + 3]!;
      const b0 = (ymin + y) * stride + colStart;
      const b1 = b0 + stride;
      const b2 = b1 + stride;
      const b3 = b2 + stride;
      for (let i = 0; i < rowLength; i++)
        acc[i] =
          (acc[i]! +
            Math.imul(src[b0 + i]!, w0) +
            Math.imul(src[b1 + i]!, w1) +
            Math.imul(src[b2 + i]!, w2) +
            Math.imul(src[b3 + i]!, w3)) |
          0;
    }
    for (; y < taps; y++) {
      const w = kk[k + y]!;
      const base = (ymin + y) * stride + colStart;
      for (let i = 0; i < rowLength; i++) acc[i] = (acc[i]! + Math.imul(src[base + i]!, w)) | 0;
    }
    const o = yy * rowLength;
    for (let i = 0; i < rowLength; i++) out[o + i] = clip8(acc[i]!);
  }
  return out;
}

/** Rows first … last − 1, samples colStart … colStart + rowLength − 1, of rows `stride` apart. */
function copyRows(
  src: Uint8Array,
  stride: number,
  colStart: number,
  rowLength: number,
  first: number,
  last: number,
): Uint8Array {
  const out = new Uint8Array((last - first) * rowLength);
  for (let y = first; y < last; y++)
    out.set(src.subarray(y * stride + colStart, y * stride + colStart + rowLength), (y - first) * rowLength);
  return out;
}

/**
 * Pillow `Image.resize((width, height), BICUBIC | BILINEAR)` of an 8-bit image ("L", "RGB"; any
 * 1–4 interleaved channels, each resampled on its own as Pillow does — alpha is not premultiplied),
 * or only the given window of that output.
 */
export function pillowResize(
  image: Raster8,
  width: number,
  height: number,
  filter: PillowFilter,
  window?: Window,
): Raster8 {
  const { width: inW, height: inH, channels: c, data } = image;
  if (!Number.isInteger(c) || c < 1 || c > 4 || data.length !== inW * inH * c)
    throw new PreprocessError("the pixel data does not match the stated size and channels");
  const { win, horizontal, vertical, first, last } = plan(inW, inH, width, height, filter, window);
  const result = (out: Uint8Array): Raster8 => ({
    width: win.width,
    height: win.height,
    channels: c,
    data: out,
  });
  if (!horizontal) {
    // Columns untouched: read the window's columns of the input directly.
    if (!vertical) return result(copyRows(data, inW * c, win.left * c, win.width * c, first, last));
    return result(vertical8(data, inW * c, win.left * c, win.width * c, 0, vertical));
  }
  const temp = horizontal8(data, inW, c, first, last - first, horizontal);
  if (!vertical) return result(temp);
  return result(vertical8(temp, win.width * c, 0, win.width * c, first, vertical));
}

/**
 * The float resampling of each channel of interleaved `data` (c channels, each its own "F"
 * image): `ImagingResampleHorizontal_32bpc` then `..._Vertical_32bpc` (FLOAT32). Every sum is a
 * double from 0 in tap order, and every stored pixel — also between the passes — float32.
 * Interleaved in, interleaved out.
 */
function resampleFloat(
  data: Float32Array | Uint8Array,
  c: number,
  inW: number,
  inH: number,
  width: number,
  height: number,
  filter: PillowFilter,
  window: Window | undefined,
): Float32Array {
  const { win, horizontal, vertical, first, last } = plan(inW, inH, width, height, filter, window);
  const rowLength = win.width * c;
  // Source rows first … last − 1 of the window's columns, float32: the horizontal pass's output,
  // or, when the width does not change, the input itself (8-bit values are exact in float32).
  let src: Float32Array;
  if (horizontal) {
    const { ksize, bounds, weights } = horizontal;
    const rows = last - first;
    src = new Float32Array(rowLength * rows);
    for (let y = 0; y < rows; y++) {
      const inRow = (y + first) * inW * c;
      let o = y * rowLength;
      for (let xx = 0; xx < win.width; xx++) {
        const taps = bounds[xx * 2 + 1]!;
        const k = xx * ksize;
        const base = inRow + bounds[xx * 2]! * c;
        if (c === 3) {
          let s0 = 0;
          let s1 = 0;
          let s2 = 0;
          for (let x = 0, p = base; x < taps; x++, p += 3) {
            const w = weights[k + x]!;
            s0 += data[p]! * w;
            s1 += data[p + 1]! * w;
            s2 += data[p + 2]! * w;
          }
          src[o++] = s0; // double → float32, as IMAGING_PIXEL_F(imOut, xx, yy) = ss
          src[o++] = s1;
          src[o++] = s2;
        } else {
          for (let ch = 0; ch < c; ch++) {
            let ss = 0;
            for (let x = 0, p = base + ch; x < taps; x++, p += c) ss += data[p]! * weights[k + x]!;
            src[o++] = ss;
          }
        }
      }
    }
  } else {
    src = new Float32Array(rowLength * (last - first));
    for (let y = first; y < last; y++)
      for (let i = 0; i < rowLength; i++)
        src[(y - first) * rowLength + i] = data[y * inW * c + win.left * c + i]!;
  }
  if (!vertical) return src;

  const { ksize, bounds, weights } = vertical;
  const out = new Float32Array(rowLength * win.height);
  const acc = new Float64Array(rowLength);
  for (let yy = 0; yy < win.height; yy++) {
    const ymin = bounds[yy * 2]! - first;
    const taps = bounds[yy * 2 + 1]!;
    const k = yy * ksize;
    acc.fill(0);
    let y = 0;
    // Four rows per sweep; the additions stay in tap order (left to right), as in the C loop.
    for (; y + 4 <= taps; y += 4) {
      const w0 = weights[k + y]!;
      const w1 = weights[k + y + 1]!;
      const w2 = weights[k + y + 2]!;
      const w3 = weights[k + y + 3]!;
      const b0 = (ymin + y) * rowLength;
      const b1 = b0 + rowLength;
      const b2 = b1 + rowLength;
      const b3 = b2 + rowLength;
      for (let i = 0; i < rowLength; i++)
        acc[i] = acc[i]! + src[b0 + i]! * w0 + src[b1 + i]! * w1 + src[b2 + i]! * w2 + src[b3 + i]! * w3;
    }
    for (; y < taps; y++) {
      const w = weights[k + y]!;
      const base = (ymin + y) * rowLength;
      for (let i = 0; i < rowLength; i++) acc[i] = acc[i]! + src[base + i]! * w;
    }
    out.set(acc, yy * rowLength); // double → float32
  }
  return out;
}

/**
 * Pillow `Image.resize((width, height), BICUBIC | BILINEAR)` of a float "F" image, or only the
 * given window of it — what clean-fid does to each channel
 * (`Image.fromarray(channel.astype(np.float32), mode="F").resize(...)`).
 */
export function pillowResizeFloat(
  plane: Plane32,
  width: number,
  height: number,
  filter: PillowFilter,
  window?: Window,
): Plane32 {
  const { width: inW, height: inH, data } = plane;
  if (data.length !== inW * inH) throw new PreprocessError("the plane data does not match the stated size");
  const out = resampleFloat(data, 1, inW, inH, width, height, filter, window);
  const win = window ?? fullWindow(width, height);
  return { width: win.width, height: win.height, data: out };
}

/**
 * Each channel of an 8-bit image resized as its own float "F" image — clean-fid's
 * `[Image.fromarray(x[:, :, c].astype(np.float32), mode="F").resize((width, height), ...)
 * for c in range(3)]` (8-bit values are exact in float32) — without materialising the float copy
 * of the input. The result (or its window) is interleaved like the input.
 */
export function pillowResizeFloatChannels(
  image: Raster8,
  width: number,
  height: number,
  filter: PillowFilter,
  window?: Window,
): RasterF32 {
  const { width: inW, height: inH, channels: c, data } = image;
  if (!Number.isInteger(c) || c < 1 || c > 4 || data.length !== inW * inH * c)
    throw new PreprocessError("the pixel data does not match the stated size and channels");
  const out = resampleFloat(data, c, inW, inH, width, height, filter, window);
  const win = window ?? fullWindow(width, height);
  return { width: win.width, height: win.height, channels: c, data: out };
}
