/**
 * One image as the stages see it, decoded at most once. The header (format, size) is read
 * without decoding; the first pixel stage decodes the image to grayscale at a fixed working size
 * (the longest side at most WORKING_SIDE, never enlarged), which every later pixel stage and both
 * hashes reuse. A pixel limit guards against decompression bombs (a 100-megapixel PNG is a few
 * kilobytes); corrupt or truncated files fail here with a reason, never a crash.
 */
import fs from "node:fs/promises";
import sharp from "sharp";
import { areaResize } from "./area-resize";
import { MediaProbeError, type MediaProbe } from "../media-probe";
import { grayImage, type GrayImage } from "./gray-image";

/** Pixel measurements (blur, exposure) are taken at this longest side, so scores compare across sizes. */
export const WORKING_SIDE = 512;
export const DEFAULT_MAX_PIXELS = 100_000_000;

export type ImageHeader = {
  format: string;
  /** Width and height as displayed (EXIF orientation applied). */
  width: number;
  height: number;
  bytes: number;
  /** Frames (animated GIF/WebP) or pages (TIFF); 1 for a still image. */
  pages: number;
  /** EXIF orientation (1: as stored). */
  orientation: number;
  hasAlpha: boolean;
};

export class ImageProbeError extends MediaProbeError {
  override name = "ImageProbeError";
}

export class ImageProbe implements MediaProbe {
  readonly kind = "image";
  #header: Promise<ImageHeader> | null = null;
  #working: Promise<GrayImage> | null = null;
  #encoded: Promise<Buffer> | null = null;

  constructor(
    readonly input: Buffer | string,
    readonly bytes: number,
    readonly maxPixels = DEFAULT_MAX_PIXELS,
  ) {}

  /** The encoded file's bytes (read once, for stages that hand the image to a model). */
  encoded(): Promise<Buffer> {
    this.#encoded ??= typeof this.input === "string" ? fs.readFile(this.input) : Promise.resolve(this.input);
    return this.#encoded;
  }

  /** Nothing to free: an image is held as a path or as bytes. */
  async close(): Promise<void> {}

  header(): Promise<ImageHeader> {
    this.#header ??= this.#readHeader();
    return this.#header;
  }

  /** The grayscale working image (decoded once, on first use). */
  working(): Promise<GrayImage> {
    this.#working ??= this.#decode();
    return this.#working;
  }

  /** The working image reduced to `width`×`height` by area averaging (for the perceptual hashes). */
  async reduced(width: number, height: number): Promise<GrayImage> {
    return areaResize(await this.working(), width, height);
  }

  async #readHeader(): Promise<ImageHeader> {
    if (this.bytes === 0) throw new ImageProbeError("the file is empty (0 bytes)");
    let meta: sharp.Metadata;
    try {
      meta = await sharp(this.input, { limitInputPixels: false }).metadata();
    } catch (err) {
      throw new ImageProbeError(`not a readable image: ${(err as Error).message}`);
    }
    if (!meta.format || !meta.width || !meta.height)
      throw new ImageProbeError("not a readable image: no size in its header");
    const rotated = (meta.orientation ?? 1) >= 5;
    const width = rotated ? meta.height : meta.width;
    const height = rotated ? meta.width : meta.height;
    if (width * height > this.maxPixels)
      throw new ImageProbeError(
        `the image has ${width}×${height} = ${(width * height).toLocaleString("en-US")} pixels, above the limit of ${this.maxPixels.toLocaleString("en-US")}`,
      );
    return {
      format: meta.format,
      width,
      height,
      bytes: this.bytes,
      pages: meta.pages ?? 1,
      orientation: meta.orientation ?? 1,
      hasAlpha: meta.hasAlpha,
    };
  }

  async #decode(): Promise<GrayImage> {
    const header = await this.header(); // the pixel limit first
    let decoded: { data: Buffer; info: sharp.OutputInfo };
    try {
      let image = sharp(this.input, { limitInputPixels: this.maxPixels, failOn: "truncated" });
      // Only what the header says is needed: each step costs a pass over the full-size image.
      if (header.orientation > 1) image = image.rotate();
      // Transparent pixels count as white, as most viewers show them.
      if (header.hasAlpha) image = image.flatten({ background: "#ffffff" });
      decoded = await image
        // A linear kernel is enough for sharpness and exposure, which are measured at this size
        // for every image alike.
        .resize(WORKING_SIDE, WORKING_SIDE, { fit: "inside", withoutEnlargement: true, kernel: "linear" })
        .raw()
        .toBuffer({ resolveWithObject: true });
    } catch (err) {
      throw new ImageProbeError(`does not decode: ${(err as Error).message}`);
    }
    const { data, info } = decoded;
    const { luma, histogram } = toLuma(data, info.channels);
    return grayImage(info.width, info.height, luma, histogram);
  }
}

/**
 * Luma from interleaved pixels, as PIL's `convert("L")` computes it (ITU-R 601-2:
 * L = R·299/1000 + G·587/1000 + B·114/1000, in 16-bit fixed point), which is what `imagehash`
 * hashes. Done here rather than by the image library: converting colourspaces there costs more
 * than the small working image's loop (measured in bench/curation-images.ts). For RGB, the luma
 * histogram is counted in the same pass (the exposure stage reads it).
 */
export function toLuma(data: Uint8Array, channels: number): { luma: Uint8Array; histogram?: Uint32Array } {
  if (channels === 1) return { luma: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  if (channels === 3 && LITTLE_ENDIAN && data.byteOffset % 4 === 0) return rgbToLuma(data);
  const out = new Uint8Array(data.length / channels);
  if (channels === 2) {
    // Grey with alpha (already flattened): the grey channel.
    for (let i = 0; i < out.length; i++) out[i] = data[2 * i]!;
    return { luma: out };
  }
  for (let i = 0, j = 0; i < out.length; i++, j += channels)
    out[i] = luma(data[j]!, data[j + 1]!, data[j + 2]!);
  return { luma: out };
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const luma = (r: number, g: number, b: number) => (r * 19595 + g * 38470 + b * 7471 + 0x8000) >>> 16;

/**
 * The same for RGB, four pixels at a time from three little-endian 32-bit words (r0 g0 b0 r1 |
 * g1 b1 r2 g2 | b2 r3 g3 b3): a third of the reads, which is most of this loop's time. The
 * buffer must start on a 4-byte boundary (sharp's output buffers do). The four pixels of a step
 * are counted in four partial histograms, so that equal neighbours do not make each increment
 * wait for the one before it to the same counter.
 */
function rgbToLuma(data: Uint8Array): { luma: Uint8Array; histogram: Uint32Array } {
  const pixels = data.length / 3;
  const out = new Uint8Array(pixels);
  const counts = new Uint32Array(4 * 256);
  const quads = Math.floor(pixels / 4);
  const words = new Uint32Array(data.buffer, data.byteOffset, quads * 3);
  for (let q = 0, w = 0, i = 0; q < quads; q++, w += 3, i += 4) {
    const a = words[w]!;
    const b = words[w + 1]!;
    const c = words[w + 2]!;
    const l0 = luma(a & 255, (a >>> 8) & 255, (a >>> 16) & 255);
    const l1 = luma(a >>> 24, b & 255, (b >>> 8) & 255);
    const l2 = luma((b >>> 16) & 255, b >>> 24, c & 255);
    const l3 = luma((c >>> 8) & 255, (c >>> 16) & 255, c >>> 24);
    out[i] = l0;
    out[i + 1] = l1;
    out[i + 2] = l2;
    out[i + 3] = l3;
    counts[l0]!++;
    counts[256 + l1]!++;
    counts[512 + l2]!++;
    counts[768 + l3]!++;
  }
  for (let i = quads * 4, j = i * 3; i < pixels; i++, j += 3) {
    const l = luma(data[j]!, data[j + 1]!, data[j + 2]!);
    out[i] = l;
    counts[l]!++;
  }
  const histogram = new Uint32Array(256);
  for (let v = 0; v < 256; v++)
    histogram[v] = counts[v]! + counts[256 + v]! + counts[512 + v]! + counts[768 + v]!;
  return { luma: out, histogram };
}
