/**
 * Decoding an encoded image (PNG, JPEG, WebP, GIF, TIFF, AVIF, ...) into the 8-bit RGB pixels the
 * Python reference pipelines start from: `PIL.Image.open(path).convert("RGB")`.
 *
 * How the decode lines up with PIL, and where it cannot:
 *
 * - **No EXIF auto-rotation.** `Image.open` does not apply the EXIF orientation (only
 *   `ImageOps.exif_transpose` does), so neither do we: sharp rotates only when asked
 *   (`autoOrient`/`rotate()`), and we never ask.
 * - **No ICC colour management** (`ignoreIcc`). PIL keeps the stored RGB values and ignores an
 *   embedded profile; sharp would otherwise convert through it to sRGB.
 * - **Grayscale** becomes three equal channels, as `convert("RGB")` does for mode "L"; palette
 *   images are expanded through their palette, as for mode "P".
 * - **Alpha is dropped** (`removeAlpha`), keeping the stored colour values — exactly what
 *   `convert("RGB")` does for "RGBA"/"LA". When a reference resizes *before* converting (the OpenAI
 *   CLIP `preprocess` resizes the PIL image as opened, then converts), Pillow resizes RGBA with
 *   premultiplied alpha, so its colours differ from ours wherever alpha < 255: fully transparent
 *   areas come out black, and where transparent meets opaque Pillow weights colours by alpha while
 *   we blend in the hidden colours of the transparent pixels. Opaque areas are identical.
 * - **CMYK** goes through sharp's ICC conversion (libvips' built-in CMYK profile). PIL's
 *   `convert("RGB")` has no colour management — R = (255 − K) − C·(255 − K)/255, and so for G, B
 *   (Convert.c `cmyk2rgb`) — so CMYK inputs differ from the references; none of the references we
 *   reproduce is computed on CMYK images.
 * - **16-bit** inputs are reduced to 8 bits by libvips (the high byte). PIL does the same for
 *   16-bit RGB PNGs ("RGB;16B"), but clips 16-bit grayscale ("I;16") at 255 instead.
 * - JPEG: sharp decodes with mozjpeg, a libjpeg-turbo fork with the same default IDCT (islow) and
 *   fancy upsampling as the libjpeg-turbo inside Pillow's wheels, so the pixels should agree; this
 *   was not checked against Pillow itself (the tests use lossless PNG).
 *
 * Truncated or corrupt data is an error (`failOn: "error"`), as it is for PIL by default
 * (`ImageFile.LOAD_TRUNCATED_IMAGES = False`). Animated images give their first frame, as
 * `Image.open` does.
 */
import sharp from "sharp";
import { messageOf, PreprocessError } from "./errors";

/** Interleaved 8-bit RGB, row-major: the pixel (x, y) is data[3(y·width + x) + c]. */
export type RgbImage = { width: number; height: number; data: Uint8Array };

/** The default decode limit: 100 megapixels (a 10000 × 10000 image). */
export const MAX_INPUT_PIXELS = 100_000_000;

export type DecodeOptions = {
  /** Refuse images with more pixels than this (default {@link MAX_INPUT_PIXELS}). */
  maxPixels?: number;
};

/** Decodes `bytes` to 8-bit sRGB RGB; throws {@link PreprocessError} for anything unusable. */
export async function decodeRgb(bytes: Uint8Array, options: DecodeOptions = {}): Promise<RgbImage> {
  const maxPixels = options.maxPixels ?? MAX_INPUT_PIXELS;
  if (!Number.isInteger(maxPixels) || maxPixels < 1)
    throw new PreprocessError(`maxPixels must be a positive integer, got ${maxPixels}`);
  if (bytes.byteLength === 0) throw new PreprocessError("the image is empty (0 bytes)");

  // The header first, without a pixel limit, so an oversized image gets a message that says so.
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(bytes, { limitInputPixels: false, failOn: "error" }).metadata());
  } catch (error) {
    throw new PreprocessError(`not a decodable image: ${messageOf(error)}`, { cause: error });
  }
  if (!width || !height) throw new PreprocessError("not a decodable image: it has no pixel size");
  if (width * height > maxPixels)
    throw new PreprocessError(
      `the image is ${width}×${height} = ${width * height} pixels, over the limit of ${maxPixels}`,
    );

  try {
    const { data, info } = await sharp(bytes, {
      limitInputPixels: maxPixels,
      failOn: "error",
      ignoreIcc: true,
    })
      .toColourspace("srgb")
      .removeAlpha()
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 || data.length !== info.width * info.height * 3)
      throw new PreprocessError(
        `the decoder returned ${info.channels} channels for ${info.width}×${info.height} pixels, not RGB`,
      );
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    };
  } catch (error) {
    if (error instanceof PreprocessError) throw error;
    throw new PreprocessError(`could not decode the image: ${messageOf(error)}`, { cause: error });
  }
}
