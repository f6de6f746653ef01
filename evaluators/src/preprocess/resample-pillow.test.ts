import { describe, expect, it } from "vitest";
import { PreprocessError } from "./errors";
import { numbers, reference, synthetic } from "./fixtures/test-images";
import type { Window } from "./raster";
import {
  normalizeCoeffs8bpc,
  pillowResize,
  pillowResizeFloat,
  pillowResizeFloatChannels,
  precomputeCoeffs,
} from "./resample-pillow";

/**
 * Expected values: derived by hand from Pillow's Resample.c formulas where the comment shows the
 * arithmetic, otherwise from fixtures/reference.py — an independent numpy implementation of
 * precompute_coeffs / normalize_coeffs_8bpc / the 8-bit (int64 matrix products) and float
 * (float64 tap-by-tap sums, float32 storage) passes — recorded in fixtures/reference.json.
 */

const row8 = (...values: number[]) => ({
  width: values.length,
  height: 1,
  channels: 1,
  data: Uint8Array.from(values),
});
const rowF = (...values: number[]) => ({
  width: values.length,
  height: 1,
  data: Float32Array.from(values),
});

describe("precomputeCoeffs (Resample.c precompute_coeffs)", () => {
  it("derives the 4 → 2 bicubic weights by hand", () => {
    // scale = 2, filterscale = 2, support = 2·2 = 4, ksize = 2·4 + 1 = 9.
    // xx = 0: center = 1, xmin = (int)(1 − 4 + 0.5) → 0, xmax = (int)(5.5) = 5 → 4 taps;
    //   arguments (x − 1 + 0.5)/2 = −0.25, 0.25, 0.75, 1.25 → bicubic 0.8671875, 0.8671875,
    //   0.2265625, −0.0703125 (a = −0.5), sum 1.890625.
    // xx = 1: center = 3, arguments −1.25, −0.75, −0.25, 0.25 (the mirror image).
    const { ksize, bounds, weights } = precomputeCoeffs(4, 2, "bicubic");
    expect(ksize).toBe(9);
    expect([...bounds]).toEqual([0, 4, 0, 4]);
    const s = 1.890625;
    expect([...weights.slice(0, 4)]).toEqual([0.8671875 / s, 0.8671875 / s, 0.2265625 / s, -0.0703125 / s]);
    expect([...weights.slice(9, 13)]).toEqual([-0.0703125 / s, 0.2265625 / s, 0.8671875 / s, 0.8671875 / s]);
  });

  it("matches the numpy coefficients for 5 → 3 bicubic, in float and in 22-bit fixed point", () => {
    const { ksize, bounds, weights } = precomputeCoeffs(5, 3, "bicubic");
    const expected = reference.coeffs_5to3_bicubic;
    const fixed = normalizeCoeffs8bpc(weights);
    expected.forEach(([xmin, w], i) => {
      expect(bounds[i * 2]).toBe(xmin);
      expect(bounds[i * 2 + 1]).toBe(w.length);
      expect([...weights.slice(i * ksize, i * ksize + w.length)]).toEqual(w);
      expect([...fixed.slice(i * ksize, i * ksize + w.length)]).toEqual(
        reference.coeffs_5to3_bicubic_fixed[i],
      );
    });
  });

  it("rounds fixed-point weights half away from zero", () => {
    // (int)(w·2²² ± 0.5): 0.5·2⁻²² → 1 and −0.5·2⁻²² → −1; 0.49·2⁻²² → 0.
    const tick = 2 ** -22;
    expect([...normalizeCoeffs8bpc(Float64Array.from([0.5 * tick, -0.5 * tick, 0.49 * tick, 1]))]).toEqual([
      1,
      -1,
      0,
      2 ** 22,
    ]);
  });
});

describe("pillowResize (8-bit) and pillowResizeFloat (mode F) on rows", () => {
  it("4 → 2 bicubic: [10, 20, 30, 40] by hand", () => {
    // (10·0.8671875 + 20·0.8671875 + 30·0.2265625 − 40·0.0703125) / 1.890625 = 30 / 1.890625
    // = 15.8677…; (−0.703125 + 4.53125 + 26.015625 + 34.6875) / 1.890625 = 34.1322…
    expect([...pillowResizeFloat(rowF(10, 20, 30, 40), 2, 1, "bicubic").data]).toEqual([
      Math.fround(30 / 1.890625),
      Math.fround(64.53125 / 1.890625),
    ]);
    expect([...pillowResize(row8(10, 20, 30, 40), 2, 1, "bicubic").data]).toEqual([16, 34]);
    expect(numbers("row_4to2_bicubic_u8")).toEqual([16, 34]);
    expect(numbers("row_4to2_bicubic_f")).toEqual([
      Math.fround(30 / 1.890625),
      Math.fround(64.53125 / 1.890625),
    ]);
  });

  it("2 → 4 bilinear: [0, 100] → [0, 25, 75, 100] by hand", () => {
    // scale ½, support 1. Centers 0.25, 0.75, 1.25, 1.75. xx = 0: xmin 0, xmax (int)1.75 = 1, one
    // tap → weight 1 (the edge pixel). xx = 1: taps 0, 1 with tri(−0.25) = 0.75, tri(0.75) = 0.25.
    // xx = 2: 0.25, 0.75. xx = 3: xmin (int)1.25 = 1, one tap. In fixed point 0.25 is exact:
    // (100·2²⁰ + 2²¹) >> 22 = 25.
    expect([...pillowResize(row8(0, 100), 4, 1, "bilinear").data]).toEqual([0, 25, 75, 100]);
    expect([...pillowResizeFloat(rowF(0, 100), 4, 1, "bilinear").data]).toEqual([0, 25, 75, 100]);
  });

  it("5 → 3 and 3 → 7 match the numpy reference", () => {
    // Bilinear 5 → 3 by hand for the first pixel: center 5/6, support 5/3, weights tri(x·0.6)
    // at x = −1/3, 2/3 → 0.8, 0.6 (the third tap is 0), so (0·0.8 + 50·0.6) / 1.4 = 21.43.
    expect(pillowResizeFloat(rowF(0, 50, 200, 255, 90), 3, 1, "bilinear").data[0]).toBe(
      Math.fround(30 / 1.4),
    );
    for (const filter of ["bicubic", "bilinear"] as const) {
      expect([...pillowResize(row8(0, 50, 200, 255, 90), 3, 1, filter).data]).toEqual(
        numbers(`row_5to3_${filter}_u8`),
      );
      expect([...pillowResizeFloat(rowF(0, 50, 200, 255, 90), 3, 1, filter).data]).toEqual(
        numbers(`row_5to3_${filter}_f`),
      );
      expect([...pillowResize(row8(0, 50, 200), 7, 1, filter).data]).toEqual(
        numbers(`row_3to7_${filter}_u8`),
      );
    }
  });

  it("rounds with the fixed-point weights, not the float result", () => {
    // reference.py searched seeded random 23-pixel rows (23 → 3 bicubic) for one where the exact
    // sum lies so close to .5 that the 22-bit weights carry it across: the middle pixel's float
    // value is 139.50006 (rounds to 140) but Pillow's integer arithmetic gives 139.
    const { row, fixed, float, rounded } = reference.fixed_vs_float;
    expect(fixed).not.toEqual(rounded);
    expect([...pillowResize(row8(...row), 3, 1, "bicubic").data]).toEqual(fixed);
    const asFloat = pillowResizeFloat(rowF(...row), 3, 1, "bicubic").data;
    asFloat.forEach((v, i) => expect(v).toBeCloseTo(float[i]!, 4));
    expect([...asFloat].map((v) => Math.floor(v + 0.5))).toEqual(rounded);
  });

  it("clips overshoot to 0…255 in 8 bits, and keeps it in float", () => {
    // A step 0 → 255 upscaled with bicubic rings (negative lobes): 8-bit clips, "F" does not.
    const f = pillowResizeFloat(rowF(0, 0, 255, 255), 9, 1, "bicubic").data;
    expect(Math.min(...f)).toBeLessThan(0);
    expect(Math.max(...f)).toBeGreaterThan(255);
    const u = pillowResize(row8(0, 0, 255, 255), 9, 1, "bicubic").data;
    expect(Math.min(...u)).toBe(0);
    expect(Math.max(...u)).toBe(255);
  });
});

describe("pillowResize on 2-D images", () => {
  const small = { ...synthetic(13, 9), channels: 3 };

  it("matches the numpy reference (horizontal into uint8, then vertical)", () => {
    for (const filter of ["bicubic", "bilinear"] as const) {
      expect([...pillowResize(small, 7, 5, filter).data]).toEqual(numbers(`small_13x9_to_7x5_${filter}_u8`));
      expect([...pillowResize(small, 6, 11, filter).data]).toEqual(
        numbers(`small_13x9_to_6x11_${filter}_u8`),
      );
    }
  });

  it("resamples float planes as Pillow's mode F (double sums, float32 between passes)", () => {
    const channel = (c: number) => ({
      width: 13,
      height: 9,
      data: Float32Array.from({ length: 13 * 9 }, (_, i) => small.data[i * 3 + c]!),
    });
    expect([...pillowResizeFloat(channel(0), 7, 5, "bicubic").data]).toEqual(
      numbers("small_13x9_to_7x5_bicubic_f"),
    );
    expect([...pillowResizeFloat(channel(1), 20, 4, "bicubic").data]).toEqual(
      numbers("small_13x9_to_20x4_bicubic_f"),
    );
    // The interleaved variant gives each channel's F result.
    const all = pillowResizeFloatChannels(small, 20, 4, "bicubic");
    expect(all.channels).toBe(3);
    expect(Array.from({ length: 80 }, (_, i) => all.data[i * 3 + 1]!)).toEqual(
      numbers("small_13x9_to_20x4_bicubic_f"),
    );
  });

  it("keeps a constant image constant under every resize", () => {
    for (const value of [0, 1, 127, 200, 255])
      for (const [w, h, ow, oh] of [
        [13, 9, 7, 5],
        [13, 9, 40, 31],
        [1, 1, 224, 224],
        [300, 7, 224, 3],
      ] as const)
        for (const filter of ["bicubic", "bilinear"] as const) {
          const image = { width: w, height: h, channels: 3, data: new Uint8Array(w * h * 3).fill(value) };
          expect(pillowResize(image, ow, oh, filter).data.every((v) => v === value)).toBe(true);
          const plane = { width: w, height: h, data: new Float32Array(w * h).fill(value) };
          expect(pillowResizeFloat(plane, ow, oh, filter).data.every((v) => v === value)).toBe(true);
        }
  });

  it("returns a copy of the input when the size does not change", () => {
    const same = pillowResize(small, 13, 9, "bicubic");
    expect(same.data).toEqual(small.data);
    expect(same.data).not.toBe(small.data);
    const plane = { width: 2, height: 2, data: Float32Array.from([1.5, -2, 300, 4]) };
    expect([...pillowResizeFloat(plane, 2, 2, "bicubic").data]).toEqual([1.5, -2, 300, 4]);
  });

  it("skips the pass whose size does not change", () => {
    // Width kept: each column resampled on its own, equal to resizing the 1-pixel-wide column.
    const column = {
      width: 1,
      height: 9,
      channels: 3,
      data: Uint8Array.from(
        { length: 27 },
        (_, i) => small.data[(Math.floor(i / 3) * 13 + 4) * 3 + (i % 3)]!,
      ),
    };
    const tall = pillowResize(small, 13, 4, "bicubic");
    const one = pillowResize(column, 1, 4, "bicubic");
    for (let y = 0; y < 4; y++)
      for (let c = 0; c < 3; c++) expect(tall.data[(y * 13 + 4) * 3 + c]).toBe(one.data[y * 3 + c]);
  });

  it("handles 1-channel and 4-channel images channel by channel", () => {
    const gray = {
      width: 13,
      height: 9,
      channels: 1,
      data: Uint8Array.from({ length: 117 }, (_, i) => small.data[i * 3]!),
    };
    const rgba = { width: 13, height: 9, channels: 4, data: new Uint8Array(13 * 9 * 4) };
    for (let i = 0; i < 117; i++) {
      rgba.data.set(small.data.subarray(i * 3, i * 3 + 3), i * 4);
      rgba.data[i * 4 + 3] = 255;
    }
    const expected = numbers("small_13x9_to_7x5_bicubic_u8");
    const g = pillowResize(gray, 7, 5, "bicubic").data;
    const a = pillowResize(rgba, 7, 5, "bicubic").data;
    for (let i = 0; i < 35; i++) {
      expect(g[i]).toBe(expected[i * 3]);
      expect([...a.subarray(i * 4, i * 4 + 3)]).toEqual(expected.slice(i * 3, i * 3 + 3));
      expect(a[i * 4 + 3]).toBe(255);
    }
  });

  it("computes a window of the output with exactly the values of the full resize", () => {
    const big = { ...synthetic(41, 29), channels: 3 };
    const crop = (full: { data: Uint8Array | Float32Array }, w: number, c: number, win: Window) =>
      Array.from({ length: win.width * win.height * c }, (_, i) => {
        const x = Math.floor(i / c) % win.width;
        const y = Math.floor(i / c / win.width);
        return full.data[((y + win.top) * w + x + win.left) * c + (i % c)]!;
      });
    for (const [w, h] of [
      [17, 13], // both passes shrink
      [60, 50], // both grow
      [41, 13], // width kept: only the vertical pass runs
      [17, 29], // height kept: only the horizontal pass runs
      [41, 29], // identity
    ] as const)
      for (const win of [
        { left: 0, top: 0, width: w, height: h },
        { left: 3, top: 2, width: Math.min(9, w - 3), height: Math.min(7, h - 2) },
        { left: w - 1, top: h - 1, width: 1, height: 1 },
      ]) {
        const full = pillowResize(big, w, h, "bicubic");
        const part = pillowResize(big, w, h, "bicubic", win);
        expect([part.width, part.height]).toEqual([win.width, win.height]);
        expect([...part.data]).toEqual(crop(full, w, 3, win));
        const fullF = pillowResizeFloatChannels(big, w, h, "bicubic");
        expect([...pillowResizeFloatChannels(big, w, h, "bicubic", win).data]).toEqual(
          crop(fullF, w, 3, win),
        );
      }
    expect(() => pillowResize(big, 10, 10, "bicubic", { left: 5, top: 0, width: 6, height: 2 })).toThrow(
      /not inside 10×10/,
    );
  });

  it("rejects sizes and data that do not fit", () => {
    expect(() => pillowResize(small, 0, 5, "bicubic")).toThrow(PreprocessError);
    expect(() => pillowResize(small, 2.5, 5, "bicubic")).toThrow(PreprocessError);
    expect(() => pillowResize({ ...small, width: 12 }, 5, 5, "bicubic")).toThrow(PreprocessError);
    expect(() =>
      pillowResizeFloat({ width: 3, height: 3, data: new Float32Array(8) }, 2, 2, "bicubic"),
    ).toThrow(PreprocessError);
    expect(() => precomputeCoeffs(0, 3, "bilinear")).toThrow(PreprocessError);
  });
});
