import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ImageRejectedError, makeThumbnail, probeImage } from "./images";
import { ingestImage } from "./ingest";
import { LocalMediaStorage } from "./storage";

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } })
    .png()
    .toBuffer();

describe("probeImage", () => {
  it("reads type and size of a PNG and a JPEG", async () => {
    expect(await probeImage(await png(640, 480))).toEqual({ mime: "image/png", width: 640, height: 480 });
    const jpeg = await sharp(await png(30, 20))
      .jpeg()
      .toBuffer();
    expect(await probeImage(jpeg)).toEqual({ mime: "image/jpeg", width: 30, height: 20 });
  });

  it("reports the displayed size of an EXIF-rotated photo", async () => {
    const rotated = await sharp(await png(40, 10))
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(await probeImage(rotated)).toMatchObject({ width: 10, height: 40 });
  });

  it("rejects garbage, empty input and truncated files with a clear error", async () => {
    await expect(probeImage(Buffer.from("definitely not an image"))).rejects.toThrow(/could not be decoded/);
    await expect(probeImage(Buffer.alloc(0))).rejects.toThrow(/empty/);
    const whole = await png(200, 200);
    await expect(makeThumbnail(whole.subarray(0, whole.length / 2))).rejects.toBeInstanceOf(
      ImageRejectedError,
    );
  });

  it("rejects images over the pixel limit", async () => {
    await expect(probeImage(await png(200, 100), { maxPixels: 10_000 })).rejects.toThrow(
      /200×100 .* over the .* limit/,
    );
  });

  it("rejects SVG, which could carry script when served back", async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    await expect(probeImage(svg)).rejects.toThrow(/SVG images are not accepted/);
  });
});

describe("makeThumbnail", () => {
  it("fits inside the box, keeps the aspect ratio and writes WebP", async () => {
    const thumb = await makeThumbnail(await png(1000, 500));
    expect(await sharp(thumb).metadata()).toMatchObject({ format: "webp", width: 320, height: 160 });
    const tall = await makeThumbnail(await png(300, 900), 100);
    expect(await sharp(tall).metadata()).toMatchObject({ width: 33, height: 100 });
  });

  it("never enlarges a small image", async () => {
    expect(await sharp(await makeThumbnail(await png(50, 40))).metadata()).toMatchObject({
      width: 50,
      height: 40,
    });
  });
});

describe("ingestImage", () => {
  it("stores the original and its thumbnail and returns the Asset fields, idempotently", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-ingest-"));
    try {
      const storage = new LocalMediaStorage(root);
      const bytes = await png(800, 600);
      const asset = await ingestImage(storage, bytes);
      expect(asset).toMatchObject({
        kind: "image",
        mime: "image/png",
        bytes: bytes.length,
        width: 800,
        height: 600,
      });
      expect(await storage.has(asset.sha256)).toBe(true);
      expect(await storage.has(asset.thumbnailSha256)).toBe(true);
      expect(await ingestImage(storage, bytes)).toEqual(asset);
      await expect(ingestImage(storage, Buffer.from("nope"))).rejects.toBeInstanceOf(ImageRejectedError);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
