import { describe, expect, it } from "vitest";
import { PreprocessError } from "./errors";
import { fingerprint, png, summary, synthetic, type Summary } from "./fixtures/test-images";
import {
  preprocess,
  preprocessBatch,
  preprocessClip,
  preprocessDino,
  preprocessInception,
  preprocessRgb,
  type InceptionMode,
} from "./pipelines";
import { CLIP_MEAN, CLIP_STD, IMAGENET_MEAN, IMAGENET_STD, parseSpec, PREPROCESS_PRESETS } from "./spec";
import { stackBatch, type ImageTensor } from "./tensor";

/**
 * Expected values: fixtures/reference.py runs each reference pipeline in numpy on the same
 * synthetic images (torchvision Resize/CenterCrop/ToTensor/Normalize over an independent Pillow
 * 8-bit resize; pytorch-fid's ToTensor + float32 bilinear; clean-fid's float "F" bicubic + clip)
 * and records the shape, an exact fingerprint of every float32 bit, and sampled values
 * (fixtures/reference.json). The images travel as PNG, which is lossless, so the decode is exact.
 * Hand-derived cases say so in their comments.
 */

function expectSummary(tensor: ImageTensor, expected: Summary): void {
  expect(tensor.shape).toEqual(expected.shape);
  for (const [i, v] of expected.samples) expect(tensor.data[i]).toBe(v);
  expect(fingerprint(tensor.data)).toBe(expected.fingerprint);
}

const f32 = Math.fround;

describe("CLIP preprocess (Resize(224, BICUBIC) → CenterCrop(224) → ToTensor → Normalize)", () => {
  it("matches the numpy reference when upscaling (50 × 37 → 302 × 224 → crop at 39)", async () => {
    expectSummary(await preprocess(await png(synthetic(50, 37)), "clip"), summary("clip_50x37"));
  });

  it("matches the numpy reference when downscaling (640 × 480 → 298 × 224 → crop at 37)", async () => {
    const bytes = await png(synthetic(640, 480));
    expectSummary(await preprocessClip(bytes), summary("clip_640x480"));
    expectSummary(await preprocessClip(bytes, { size: 336 }), summary("clip336_640x480"));
  });

  it("crops an unresized 451 × 224 image at column round(113.5) = 114", async () => {
    expectSummary(await preprocess(await png(synthetic(451, 224)), "clip"), summary("clip_451x224"));
  });

  it("takes the crop offset with Python's round-half-to-even", () => {
    // Pixel value = column index, mean 0 and std 1: the first output column is the crop offset.
    const spec = parseSpec({ ...PREPROCESS_PRESETS.clip, mean: [0, 0, 0], std: [1, 1, 1] });
    for (const [width, offset] of [
      [225, 0], // round(0.5) = 0
      [227, 2], // round(1.5) = 2
      [229, 2], // round(2.5) = 2
      [449, 112], // round(112.5) = 112
      [451, 114], // round(113.5) = 114
    ] as const) {
      const data = new Uint8Array(width * 224 * 3);
      for (let i = 0; i < width * 224; i++) data.fill((i % width) % 256, i * 3, i * 3 + 3);
      const out = preprocessRgb({ width, height: 224, data }, spec);
      expect(out.data[0]).toBe(f32(offset / 255));
    }
  });

  it("normalises an image that needs no resize or crop exactly as ToTensor + Normalize", () => {
    const image = synthetic(224, 224);
    const out = preprocessRgb(image, "clip");
    const n = 224 * 224;
    for (const i of [0, 1, 777, 30000, n - 1])
      for (let c = 0; c < 3; c++)
        expect(out.data[c * n + i]).toBe(
          f32(f32(f32(image.data[i * 3 + c]! / 255) - f32(CLIP_MEAN[c]!)) / f32(CLIP_STD[c]!)),
        );
  });
});

describe("DINO eval transform (Resize(256, BICUBIC) → CenterCrop(224) → ImageNet Normalize)", () => {
  it("matches the numpy reference (97 × 61 → 407 × 256, crop at (92, 16); and 640 × 480)", async () => {
    expectSummary(await preprocessDino(await png(synthetic(97, 61))), summary("dino_97x61"));
    expectSummary(await preprocess(await png(synthetic(640, 480)), "dino"), summary("dino_640x480"));
  });
});

describe("Inception inputs for FID", () => {
  for (const mode of ["pytorch-fid", "clean-fid"] as const)
    it(`${mode}: matches the numpy reference, 0…1 RGB at 299 × 299`, async () => {
      for (const [w, h] of [
        [97, 61],
        [640, 480],
      ] as const) {
        const out = await preprocessInception(await png(synthetic(w, h)), mode);
        expect(out.mode).toBe(mode);
        expectSummary(out, summary(`${mode.replace("-", "_")}_${w}x${h}`));
        expect(out.data.every((v) => v >= 0 && v <= 1)).toBe(true);
      }
    });

  it("passes a 299 × 299 image through unchanged apart from / 255", async () => {
    const image = synthetic(299, 299);
    const n = 299 * 299;
    for (const mode of ["pytorch-fid", "clean-fid"] as const) {
      const out = await preprocessInception(await png(image), mode);
      for (const i of [0, 5, 4321, n - 1])
        for (let c = 0; c < 3; c++) expect(out.data[c * n + i]).toBe(f32(image.data[i * 3 + c]! / 255));
    }
  });

  it("rejects an unknown mode", async () => {
    await expect(preprocessInception(await png(synthetic(4, 4)), "tf-fid" as InceptionMode)).rejects.toThrow(
      PreprocessError,
    );
  });
});

describe("generic specs", () => {
  it("resizes to size × size, then pads the crop with zeros (13 × 9 → 5 × 5 → 7 × 7)", async () => {
    const spec = parseSpec({
      size: 5,
      resizeShortest: false,
      crop: 7,
      mean: [0.5, 0.25, 0],
      std: [0.5, 2, 1],
      interpolation: "bilinear",
    });
    const out = await preprocess(await png(synthetic(13, 9)), spec);
    const expected = summary("generic_13x9_bilinear_5_crop7");
    expectSummary(out, expected);
    expect([...out.data]).toEqual(expected.values);
    // The padding: (0 − mean) / std → −1, −0.125, 0 in the first row.
    expect([out.data[0], out.data[49], out.data[98]]).toEqual([-1, -0.125, 0]);
  });

  it("turns a 1 × 1 image into constant planes under every preset", async () => {
    // Every value here is below 1, so one float32 ulp is at most 2⁻²⁴.
    const bytes = await png({ width: 1, height: 1, data: Uint8Array.from([10, 128, 250]) });
    for (const name of Object.keys(PREPROCESS_PRESETS) as (keyof typeof PREPROCESS_PRESETS)[]) {
      const spec = PREPROCESS_PRESETS[name];
      const out = await preprocess(bytes, name);
      const side = spec.crop ?? spec.size;
      expect(out.shape).toEqual([3, side, side]);
      [10, 128, 250].forEach((v, c) => {
        const expected = f32(f32(f32(v / 255) - f32(spec.mean[c]!)) / f32(spec.std[c]!));
        const plane = out.data.subarray(c * side * side, (c + 1) * side * side);
        // torch's float32 weights need not sum to 1, so its bilinear moves a constant by up to
        // an ulp per pass (resample-torch.test.ts shows the numpy reference doing the same).
        const ulps = spec.interpolation === "torch-bilinear" ? 2 : 0;
        expect(plane.every((x) => Math.abs(x - expected) <= ulps * 2 ** -24)).toBe(true);
      });
    }
  });

  it("handles very elongated images by computing only the crop", () => {
    // 20000 × 2 → Resize(224) gives 2240000 × 224; only the central 224 × 224 is computed. Each
    // column of the input is constant down its 2 rows, so the crop's rows are all equal.
    const width = 20000;
    const data = new Uint8Array(width * 2 * 3);
    for (let i = 0; i < width * 2; i++) data.fill(((i % width) * 7) % 256, i * 3, i * 3 + 3);
    const out = preprocessRgb({ width, height: 2, data }, "clip");
    expect(out.shape).toEqual([3, 224, 224]);
    expect(out.data.every(Number.isFinite)).toBe(true);
    for (let y = 1; y < 224; y++) expect(out.data[y * 224 + 100]).toBe(out.data[100]);
    // Past what C ints index, no reference could run: a clear error instead.
    const tall = { width: 1, height: 600_000, data: new Uint8Array(600_000 * 3) };
    expect(() => preprocessRgb(tall, { ...PREPROCESS_PRESETS.clip, size: 4096, crop: 4096 })).toThrow(
      /too elongated: it would resize to 4096×2457600000/,
    );
  });

  it("validates specs with one-line messages", () => {
    const base = { ...PREPROCESS_PRESETS.dino, mean: [...IMAGENET_MEAN], std: [...IMAGENET_STD] };
    expect(parseSpec(base)).toEqual(PREPROCESS_PRESETS.dino);
    expect(() => parseSpec({ ...base, crop: null })).toThrow(/crop: a shortest-side resize/);
    expect(() => parseSpec({ ...base, std: [0.2, 0, 0.2] })).toThrow(/std\.1/);
    expect(() => parseSpec({ ...base, size: 0 })).toThrow(/size/);
    expect(() => parseSpec({ ...base, interpolation: "lanczos" })).toThrow(/interpolation/);
    expect(() => preprocessRgb(synthetic(4, 4), "nope" as "clip")).toThrow(/unknown preprocessing preset/);
  });
});

describe("bad input and batches", () => {
  it("rejects undecodable bytes and bad specs with a PreprocessError", async () => {
    await expect(preprocess(new Uint8Array(0), "clip")).rejects.toThrow(PreprocessError);
    await expect(preprocess(new TextEncoder().encode("GIF89a?"), "dino")).rejects.toThrow(PreprocessError);
    const bad = { ...PREPROCESS_PRESETS.clip, size: -3 };
    await expect(preprocess(await png(synthetic(4, 4)), bad)).rejects.toThrow(/invalid preprocessing spec/);
  });

  it("stacks images of one shape into NCHW and refuses mixed shapes", async () => {
    const a = await png(synthetic(50, 37));
    const b = await png(synthetic(97, 61));
    const batch = await preprocessBatch([a, b], "clip");
    expect(batch.shape).toEqual([2, 3, 224, 224]);
    const one = await preprocess(b, "clip");
    const second = batch.data.subarray(3 * 224 * 224);
    expect(second.length).toBe(one.data.length);
    expect(second.every((v, i) => v === one.data[i])).toBe(true);
    expect(fingerprint(batch.data.slice(0, 3 * 224 * 224))).toBe(summary("clip_50x37").fingerprint);
    const small = preprocessRgb(synthetic(9, 9), { ...PREPROCESS_PRESETS.clip, size: 8, crop: 8 });
    expect(() => stackBatch([one, small])).toThrow(PreprocessError);
    expect(() => stackBatch([])).toThrow(PreprocessError);
  });
});
