import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decideItem } from "./pipeline";
import {
  blurStage,
  configure,
  decodeStage,
  exposureStage,
  metadataStage,
  perceptualHashStage,
  resolutionStage,
} from "./stages";
import { noise, pngHeaderOnly, scene, solid } from "./testing/images";

// Out of order on purpose: header stages (metadata, resolution) run first all the same.
const stages = [
  configure(exposureStage, {}),
  configure(blurStage, { minSharpness: 100 }),
  configure(metadataStage, {}),
  configure(resolutionStage, { minShortSide: 64 }),
  configure(decodeStage, {}),
  configure(perceptualHashStage, {}),
];
const decide = (input: Buffer, itemId = "x") =>
  decideItem({ itemId, source: `${itemId}.png`, input, bytes: input.length }, stages);

describe("decideItem", () => {
  it("keeps a sharp, well-exposed image and records every score and its hash", async () => {
    const d = await decide(await noise(200, 150));
    expect(d).toMatchObject({ status: "kept", firstFailingStage: null, reason: null });
    expect(d.scores).toMatchObject({
      "metadata.width": 200,
      "metadata.height": 150,
      "resolution.shortSide": 150,
    });
    expect(d.scores["blur.sharpness"]).toBeGreaterThan(1000);
    expect(d.scores["exposure.meanLuma"]).toBeGreaterThan(0.3);
    expect(d.hashes.phash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("drops a blurred copy at the blur stage, and still records the later scores", async () => {
    const blurred = await sharp(await noise(200, 150))
      .blur(6)
      .png()
      .toBuffer();
    const d = await decide(blurred);
    expect(d).toMatchObject({ status: "dropped", firstFailingStage: "blur" });
    expect(d.reason).toMatch(/^sharpness \d+\.\d, below 100$/);
    expect(d.scores["exposure.meanLuma"]).toBeDefined();
    expect(d.hashes.phash).toBeDefined();
  });

  it("drops by the header before decoding: too small, then too dark or too bright", async () => {
    expect(await decide(await noise(40, 300))).toMatchObject({
      status: "dropped",
      firstFailingStage: "resolution",
      reason: "short side 40 px, below 64",
    });
    // A flat image is also blurry; exposure is checked first because it is configured first.
    expect(await decide(await solid(100, 100, 3))).toMatchObject({ firstFailingStage: "exposure" });
    expect((await decide(await solid(100, 100, 250))).reason).toMatch(/too bright/);
  });

  it("near-duplicates share most of their pHash bits; different images do not", async () => {
    const original = await scene(7);
    const resized = await sharp(original).resize(200, 200).jpeg({ quality: 80 }).toBuffer();
    const other = await scene(99);
    const [a, b, c] = await Promise.all([decide(original), decide(resized), decide(other)]);
    const distance = (x: string, y: string) =>
      [...(BigInt(`0x${x}`) ^ BigInt(`0x${y}`)).toString(2)].filter((bit) => bit === "1").length;
    expect(distance(a.hashes.phash!, b.hashes.phash!)).toBeLessThanOrEqual(8);
    expect(distance(a.hashes.phash!, c.hashes.phash!)).toBeGreaterThan(16);
  });

  it("gives unreadable files an error decision with the reason, never a throw", async () => {
    const png = await noise(120, 120);
    expect(await decide(Buffer.alloc(0))).toMatchObject({
      status: "error",
      firstFailingStage: "metadata",
      reason: "the file is empty (0 bytes)",
    });
    expect((await decide(Buffer.from("not an image at all"))).reason).toMatch(/^not a readable image/);
    const truncated = await decide(png.subarray(0, Math.floor(png.length / 2)));
    expect(truncated).toMatchObject({ status: "error", firstFailingStage: "decode" });
    expect(truncated.reason).toMatch(/^does not decode/);
    // 20000 × 6000 = 120 megapixels: refused from the header, before any pixel is decoded.
    const bomb = await decide(pngHeaderOnly(20_000, 6_000));
    expect(bomb).toMatchObject({ status: "error", firstFailingStage: "metadata" });
    expect(bomb.reason).toBe("the image has 20000×6000 = 120,000,000 pixels, above the limit of 100,000,000");
  });
});
