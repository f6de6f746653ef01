/**
 * PyTorch's `F.interpolate(x, size=(H, W), mode="bilinear", align_corners=False, antialias=False)`
 * on a float32 NCHW tensor, one channel at a time, in float32 arithmetic — how pytorch-fid's
 * InceptionV3 brings any image to 299 × 299 (`resize_input=True`).
 *
 * Source: aten/src/ATen/native/UpSample.h (`area_pixel_compute_scale`, `compute_scales_value`,
 * `area_pixel_compute_source_index`, `guard_index_and_lambda`) and
 * aten/src/ATen/native/cpu/UpSampleKernel.cpp (`compute_source_index_and_lambda`,
 * `HelperInterpLinear::compute_indices_weights`, `Interpolate<n, ..., 2>`). For a float tensor
 * every step is float32 (`opmath_t` is float):
 *
 * - scale = (float)in / out (no scale_factor is given, so `compute_scales_value` uses the sizes);
 * - src = scale · (dst + 0.5f) − 0.5f, clamped at 0 (`!cubic && src < 0`);
 * - i0 = min(floor(src), in − 1), λ1 = clamp(src − i0, 0, 1), i1 = i0 + (i0 < in − 1 ? 1 : 0),
 *   λ0 = 1 − λ1; when in == out the map is the identity (i0 = i1 = dst, λ0 = 1, λ1 = 0);
 * - out = λh0·(λw0·x[h0][w0] + λw1·x[h0][w1]) + λh1·(λw0·x[h1][w0] + λw1·x[h1][w1]), the width
 *   sum inside, each operation rounded to float32 (`Interpolate<2>` recursing height then width).
 *
 * That accumulation order is the generic CPU kernel (`upsample_generic_Nd_kernel_impl`, named
 * `upsample_non_separable_Nd_kernel_impl` in newer releases; `upsample_bilinear2d_kernel_impl_float`
 * picks it for a contiguous NCHW 299 × 299 output whenever torch runs more than one thread) and
 * the expression of the CUDA kernel
 * (`upsample_bilinear2d_out_frame`). Torch's single-threaded CPU path for 3 channels
 * (`cpu_upsample_linear_channels_last`) sums the four products flat, and nvcc may contract
 * products into FMAs, so torch itself differs between devices in the last float32 bit; this file
 * matches the generic kernel bit for bit and the others to within a few ulp.
 *
 * As with the Pillow resamplers, a window of the output can be computed on its own (each output
 * pixel reads only its own taps), with the values the full interpolation would give there.
 */
import { PreprocessError } from "./errors";
import { fullWindow, type Plane32, type Raster8, type Window } from "./raster";

const f32 = Math.fround;

/** Per output index: the two input indices and their float32 weights. */
export type LinearTaps = { i0: Int32Array; i1: Int32Array; w0: Float32Array; w1: Float32Array };

/**
 * The source indices and weights of one axis (`compute_indices_weights` for linear mode), for the
 * output indices start … start + count − 1 (all of them by default).
 */
export function torchLinearTaps(
  inSize: number,
  outSize: number,
  start = 0,
  count = outSize - start,
): LinearTaps {
  for (const [name, value] of [
    ["the input size", inSize],
    ["the output size", outSize],
  ] as const)
    if (!Number.isInteger(value) || value < 1)
      throw new PreprocessError(`${name} must be a positive integer, got ${value}`);
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(count) ||
    start < 0 ||
    count < 1 ||
    start + count > outSize
  )
    throw new PreprocessError(`output indices ${start}…${start + count - 1} are not within 0…${outSize - 1}`);
  const i0 = new Int32Array(count);
  const i1 = new Int32Array(count);
  const w0 = new Float32Array(count);
  const w1 = new Float32Array(count);
  const scale = f32(inSize / outSize);
  for (let j = 0; j < count; j++) {
    const i = start + j;
    if (inSize === outSize) {
      i0[j] = i;
      i1[j] = i;
      w0[j] = 1;
      w1[j] = 0;
      continue;
    }
    let src = f32(f32(scale * f32(f32(i) + 0.5)) - 0.5); // (float)dst + 0.5f, all float32
    if (src < 0) src = 0;
    const index = Math.min(Math.floor(src), inSize - 1);
    const lambda = Math.min(Math.max(f32(src - index), 0), 1);
    i0[j] = index;
    i1[j] = index + (index < inSize - 1 ? 1 : 0);
    w1[j] = lambda;
    w0[j] = f32(1 - lambda);
  }
  return { i0, i1, w0, w1 };
}

/** The taps of a window of a width × height output, after checking every size. */
function windowTaps(inW: number, inH: number, width: number, height: number, window: Window | undefined) {
  for (const [name, value] of [
    ["the input width", inW],
    ["the input height", inH],
    ["the output width", width],
    ["the output height", height],
  ] as const)
    if (!Number.isInteger(value) || value < 1)
      throw new PreprocessError(`${name} must be a positive integer, got ${value}`);
  const win = window ?? fullWindow(width, height);
  return {
    win,
    rows: torchLinearTaps(inH, height, win.top, win.height),
    cols: torchLinearTaps(inW, width, win.left, win.width),
  };
}

/**
 * `F.interpolate(..., mode="bilinear", align_corners=False)` of one float32 channel to
 * width × height, or only the given window of that output.
 */
export function torchBilinear(plane: Plane32, width: number, height: number, window?: Window): Plane32 {
  const { width: inW, height: inH, data } = plane;
  const { win, rows, cols } = windowTaps(inW, inH, width, height, window);
  if (data.length !== inW * inH) throw new PreprocessError("the plane data does not match the stated size");
  const out = new Float32Array(win.width * win.height);
  for (let oy = 0; oy < win.height; oy++) {
    const r0 = rows.i0[oy]! * inW;
    const r1 = rows.i1[oy]! * inW;
    const h0 = rows.w0[oy]!;
    const h1 = rows.w1[oy]!;
    for (let ox = 0; ox < win.width; ox++) {
      const c0 = cols.i0[ox]!;
      const c1 = cols.i1[ox]!;
      const v0 = cols.w0[ox]!;
      const v1 = cols.w1[ox]!;
      const top = f32(f32(data[r0 + c0]! * v0) + f32(data[r0 + c1]! * v1));
      const bottom = f32(f32(data[r1 + c0]! * v0) + f32(data[r1 + c1]! * v1));
      out[oy * win.width + ox] = f32(top * h0) + f32(bottom * h1); // the store rounds the sum
    }
  }
  return { width: win.width, height: win.height, data: out };
}

/**
 * Every channel of an 8-bit image, taken as the float32 tensor `table` maps it to (the pipelines
 * pass ToTensor's v ↦ float32(v / 255)), through {@link torchBilinear} — without materialising
 * that tensor. Returns CHW planes of the output (or of its window), as torch's NCHW tensor holds
 * them.
 */
export function torchBilinearChannels(
  image: Raster8,
  table: Float32Array,
  width: number,
  height: number,
  window?: Window,
): Float32Array {
  const { width: inW, height: inH, channels: c, data } = image;
  const { win, rows, cols } = windowTaps(inW, inH, width, height, window);
  if (!Number.isInteger(c) || c < 1 || data.length !== inW * inH * c)
    throw new PreprocessError("the pixel data does not match the stated size and channels");
  if (table.length < 256) throw new PreprocessError("the value table needs 256 entries");
  const m = win.width * win.height;
  const out = new Float32Array(c * m);
  for (let oy = 0; oy < win.height; oy++) {
    const r0 = rows.i0[oy]! * inW;
    const r1 = rows.i1[oy]! * inW;
    const h0 = rows.w0[oy]!;
    const h1 = rows.w1[oy]!;
    for (let ox = 0; ox < win.width; ox++) {
      const p00 = (r0 + cols.i0[ox]!) * c;
      const p01 = (r0 + cols.i1[ox]!) * c;
      const p10 = (r1 + cols.i0[ox]!) * c;
      const p11 = (r1 + cols.i1[ox]!) * c;
      const v0 = cols.w0[ox]!;
      const v1 = cols.w1[ox]!;
      for (let ch = 0, o = oy * win.width + ox; ch < c; ch++, o += m) {
        const top = f32(f32(table[data[p00 + ch]!]! * v0) + f32(table[data[p01 + ch]!]! * v1));
        const bottom = f32(f32(table[data[p10 + ch]!]! * v0) + f32(table[data[p11 + ch]!]! * v1));
        out[o] = f32(top * h0) + f32(bottom * h1);
      }
    }
  }
  return out;
}
