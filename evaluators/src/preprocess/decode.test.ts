import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decodeRgb } from "./decode";
import { PreprocessError } from "./errors";
import { png, synthetic } from "./fixtures/test-images";

/**
 * Inputs are made with sharp in each test; the expected pixels are the raw values they were made
 * from (PNG and lossless WebP are exact), or properties any correct decode has (equal channels
 * for gray, the stored size for an EXIF-rotated JPEG).
 */

const image = synthetic(8, 6);
const raw = (channels: 1 | 2 | 3 | 4, data: Uint8Array) =>
  sharp(data, { raw: { width: 8, height: 6, channels } });

describe("decodeRgb", () => {
  it("decodes PNG and lossless WebP to the exact RGB values", async () => {
    for (const bytes of [await png(image), await raw(3, image.data).webp({ lossless: true }).toBuffer()]) {
      const decoded = await decodeRgb(bytes);
      expect([decoded.width, decoded.height]).toEqual([8, 6]);
      expect(decoded.data).toEqual(image.data);
    }
  });

  it("replicates a grayscale PNG or JPEG into three equal channels", async () => {
    const gray = Uint8Array.from({ length: 48 }, (_, i) => (i * 37) % 256);
    const grayPng = await raw(1, gray).toColourspace("b-w").png().toBuffer();
    expect((await sharp(grayPng).metadata()).channels).toBe(1);
    const fromPng = await decodeRgb(grayPng);
    expect(fromPng.data.length).toBe(48 * 3);
    for (let i = 0; i < 48; i++)
      expect([...fromPng.data.subarray(i * 3, i * 3 + 3)]).toEqual([gray[i], gray[i], gray[i]]);

    const grayJpeg = await raw(1, gray).toColourspace("b-w").jpeg().toBuffer();
    expect((await sharp(grayJpeg).metadata()).channels).toBe(1);
    const fromJpeg = await decodeRgb(grayJpeg);
    for (let i = 0; i < 48; i++) {
      const [r, g, b] = fromJpeg.data.subarray(i * 3, i * 3 + 3);
      expect(r).toBe(g);
      expect(g).toBe(b);
    }
  });

  it("drops alpha and keeps the stored colour, also where alpha is 0", async () => {
    const rgba = new Uint8Array(8 * 6 * 4);
    for (let i = 0; i < 48; i++) {
      rgba.set(image.data.subarray(i * 3, i * 3 + 3), i * 4);
      rgba[i * 4 + 3] = [0, 128, 255][i % 3]!;
    }
    const bytes = await raw(4, rgba).png().toBuffer();
    expect((await sharp(bytes).metadata()).hasAlpha).toBe(true);
    expect((await decodeRgb(bytes)).data).toEqual(image.data);
  });

  it("expands a palette PNG through its palette", async () => {
    const colours = [
      [0, 0, 0],
      [255, 255, 255],
      [200, 30, 60],
      [10, 120, 240],
    ];
    const rgb = Uint8Array.from({ length: 48 * 3 }, (_, i) => colours[Math.floor(i / 3) % 4]![i % 3]!);
    const bytes = await raw(3, rgb).png({ palette: true, dither: 0 }).toBuffer();
    expect((await sharp(bytes).metadata()).isPalette).toBe(true);
    expect((await decodeRgb(bytes)).data).toEqual(rgb);
  });

  it("converts a CMYK JPEG to 3 RGB channels close to the original colours", async () => {
    const bytes = await raw(3, image.data).toColourspace("cmyk").jpeg({ quality: 100 }).toBuffer();
    expect((await sharp(bytes).metadata()).space).toBe("cmyk");
    const decoded = await decodeRgb(bytes);
    expect(decoded.data.length).toBe(48 * 3);
    let error = 0;
    for (let i = 0; i < decoded.data.length; i++) error += Math.abs(decoded.data[i]! - image.data[i]!);
    expect(error / decoded.data.length).toBeLessThan(20); // through libvips' CMYK profile and back
  });

  it("reduces a 16-bit PNG to its high bytes", async () => {
    const wide = Uint16Array.from({ length: 48 * 3 }, (_, i) => (i * 2917) % 65536);
    const bytes = await sharp(wide, { raw: { width: 8, height: 6, channels: 3 } })
      .toColourspace("rgb16")
      .png()
      .toBuffer();
    expect((await sharp(bytes).metadata()).depth).toBe("ushort");
    expect([...(await decodeRgb(bytes)).data]).toEqual([...wide].map((v) => v >> 8));
  });

  it("does not apply the EXIF orientation (PIL's Image.open does not)", async () => {
    const bytes = await raw(3, image.data).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(bytes).metadata()).orientation).toBe(6);
    const decoded = await decodeRgb(bytes);
    expect([decoded.width, decoded.height]).toEqual([8, 6]); // rotating 90° would give 6 × 8
  });

  it("decodes a 1 × 1 image", async () => {
    const decoded = await decodeRgb(await png({ width: 1, height: 1, data: Uint8Array.from([1, 2, 3]) }));
    expect([decoded.width, decoded.height, ...decoded.data]).toEqual([1, 1, 1, 2, 3]);
  });

  it("rejects empty, non-image and truncated bytes with a PreprocessError", async () => {
    const whole = await png(synthetic(64, 64));
    const jpeg = await sharp(synthetic(64, 64).data, { raw: { width: 64, height: 64, channels: 3 } })
      .jpeg()
      .toBuffer();
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /empty/],
      [Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) % 256), /not a decodable image/],
      [new TextEncoder().encode("<html>not an image</html>"), /not a decodable image/],
      [whole.subarray(0, whole.length - 40), /decod/],
      [jpeg.subarray(0, Math.floor(jpeg.length * 0.8)), /decod/],
    ];
    for (const [bytes, message] of cases) {
      const attempt = decodeRgb(bytes);
      await expect(attempt).rejects.toThrow(PreprocessError);
      await expect(attempt).rejects.toThrow(message);
    }
  });

  it("refuses images over the pixel limit before decoding them", async () => {
    await expect(decodeRgb(await png(image), { maxPixels: 40 })).rejects.toThrow(
      "the image is 8×6 = 48 pixels, over the limit of 40",
    );
    // A PNG whose header claims 20000 × 6000 (120 Mpx, over the default 100 Mpx): refused from
    // the header alone.
    const chunk = (type: string, data: Uint8Array) => {
      const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
      const head = Buffer.alloc(4);
      head.writeUInt32BE(data.length);
      const tail = Buffer.alloc(4);
      tail.writeUInt32BE(crc32(body));
      return Buffer.concat([head, body, tail]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(20000, 0);
    ihdr.writeUInt32BE(6000, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // RGB
    const huge = Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(Buffer.alloc(16))),
      chunk("IEND", Buffer.alloc(0)),
    ]);
    await expect(decodeRgb(huge)).rejects.toThrow(
      "the image is 20000×6000 = 120000000 pixels, over the limit of 100000000",
    );
  });
});
