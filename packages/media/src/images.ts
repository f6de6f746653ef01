/**
 * Image decoding with safe limits (sharp). Uploaded files are untrusted: a "PNG" may be garbage,
 * a decompression bomb, or an SVG carrying script. Each is refused with a message that says why,
 * and only raster formats every browser displays are accepted, because the file is later served
 * back as-is under the MIME type decided here.
 */
import sharp, { type Metadata } from "sharp";
import { MediaRejectedError } from "./errors";

/** 100 megapixels: far above any generated image, far below what would exhaust memory. */
export const DEFAULT_MAX_PIXELS = 100_000_000;

export type ImageLimits = {
  /** Largest width × height accepted. */
  maxPixels?: number;
};

export type ImageInfo = {
  mime: string;
  /** As displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
};

export class ImageRejectedError extends MediaRejectedError {
  override name = "ImageRejectedError";
}

const MIME_BY_FORMAT: Partial<Record<string, string>> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
};

function mimeOf(meta: Metadata): string {
  // sharp reports AVIF as "heif"; HEIC (hevc) is not something browsers display.
  if (meta.format === "heif") {
    if (meta.compression === "av1") return "image/avif";
  } else {
    const mime = MIME_BY_FORMAT[meta.format];
    if (mime) return mime;
  }
  throw new ImageRejectedError(
    `${meta.format.toUpperCase()} images are not accepted; use PNG, JPEG, WebP, GIF or AVIF`,
  );
}

const megapixels = (n: number) => (n >= 1e6 ? `${Math.round(n / 1e5) / 10} MP` : `${n} pixels`);

function describeDecodeError(err: unknown, maxPixels: number): string {
  const detail = err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err);
  if (/exceeds pixel limit/i.test(detail)) return `it is over the ${megapixels(maxPixels)} limit`;
  return `it could not be decoded (${detail})`;
}

async function readMetadata(bytes: Buffer, maxPixels: number): Promise<Metadata> {
  if (bytes.length === 0) throw new ImageRejectedError("the file is empty");
  try {
    // Header only: the pixel limit is checked by the caller, with the actual size in the message.
    return await sharp(bytes, { limitInputPixels: false, failOn: "error" }).metadata();
  } catch (err) {
    throw new ImageRejectedError(describeDecodeError(err, maxPixels));
  }
}

/**
 * Reads the header only (fast, no full decode): format, displayed size, and the pixel limit.
 * Truncated pixel data is caught later by `makeThumbnail`, which decodes everything.
 */
export async function probeImage(bytes: Buffer, limits: ImageLimits = {}): Promise<ImageInfo> {
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_PIXELS;
  const meta = await readMetadata(bytes, maxPixels);
  const mime = mimeOf(meta);
  const { width, height } = meta.autoOrient ?? meta;
  if (!(width > 0 && height > 0)) throw new ImageRejectedError("it has no width or height");
  if (width * height > maxPixels) {
    throw new ImageRejectedError(
      `it is ${width}×${height} (${megapixels(width * height)}), over the ${megapixels(maxPixels)} limit`,
    );
  }
  return { mime, width, height };
}

/**
 * A WebP thumbnail that fits inside size×size, keeping the aspect ratio and never enlarging
 * (first frame of an animation, EXIF orientation applied).
 */
export async function makeThumbnail(bytes: Buffer, size = 320, limits: ImageLimits = {}): Promise<Buffer> {
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_PIXELS;
  try {
    return await sharp(bytes, { limitInputPixels: maxPixels, failOn: "error", autoOrient: true })
      .resize(size, size, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch (err) {
    throw new ImageRejectedError(describeDecodeError(err, maxPixels));
  }
}
