/** The pixel containers the resamplers work on. */

/** Interleaved 8-bit samples, row-major (1–4 channels), like a Pillow "L"/"RGB"/"RGBA" image. */
export type Raster8 = { width: number; height: number; channels: number; data: Uint8Array };

/** One channel of 32-bit floats, row-major, like a Pillow "F" image or one plane of a tensor. */
export type Plane32 = { width: number; height: number; data: Float32Array };

/** Interleaved float32 samples, row-major: several "F" images side by side. */
export type RasterF32 = { width: number; height: number; channels: number; data: Float32Array };

/** A rectangle of an output image: columns left … left + width − 1, rows top … top + height − 1. */
export type Window = { left: number; top: number; width: number; height: number };

export function fullWindow(width: number, height: number): Window {
  return { left: 0, top: 0, width, height };
}
