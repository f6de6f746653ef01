import { describe, expect, it } from "vitest";
import { PreprocessError } from "./errors";
import { fingerprint, numbers, reference, summary, synthetic } from "./fixtures/test-images";
import { torchBilinear, torchBilinearChannels, torchLinearTaps } from "./resample-torch";
import { TO_TENSOR_TABLE } from "./tensor";

/**
 * Expected values: by hand from PyTorch's formula (aten UpSample.h: scale = in/out,
 * src = scale·(dst + ½) − ½ clamped at 0, i0 = floor, i1 = min(i0 + 1, in − 1), linear weights),
 * or from fixtures/reference.py — a numpy float32 implementation of that formula and of the
 * generic CPU kernel's accumulation order — recorded in fixtures/reference.json.
 */

const rowF = (...values: number[]) => ({ width: values.length, height: 1, data: Float32Array.from(values) });

describe("torchLinearTaps", () => {
  it("matches the float32 numpy taps for 5 → 3", () => {
    // scale = float32(5/3) = 1.6666666; dst 0: 1.6666666·0.5 − 0.5 = 0.3333333 → i0 0, i1 1,
    // λ1 = 0.3333333; dst 1: exactly 2 → λ1 = 0; dst 2: 3.6666665 → i0 3, i1 4.
    const taps = torchLinearTaps(5, 3);
    const [i0, i1, w0, w1] = reference.torch_taps_5to3;
    expect([...taps.i0]).toEqual(i0);
    expect([...taps.i1]).toEqual(i1);
    expect([...taps.w0]).toEqual(w0);
    expect([...taps.w1]).toEqual(w1);
  });

  it("clamps the source index at 0 and the second tap at the last pixel", () => {
    // 2 → 4: scale ½; dst 0: −0.25 → 0; dst 3: 1.25 → i0 = 1, i1 = min(2, 1) = 1.
    const taps = torchLinearTaps(2, 4);
    expect([...taps.i0]).toEqual([0, 0, 0, 1]);
    expect([...taps.i1]).toEqual([1, 1, 1, 1]);
    expect([...taps.w1]).toEqual([0, 0.25, 0.75, 0.25]);
  });
});

describe("torchBilinear (F.interpolate bilinear, align_corners=False)", () => {
  it("4 → 2 and 2 → 4 on a row, by hand", () => {
    // 4 → 2: scale 2; dst 0: 2·0.5 − 0.5 = 0.5 → (10 + 20)/2; dst 1: 2.5 → (30 + 40)/2.
    expect([...torchBilinear(rowF(10, 20, 30, 40), 2, 1).data]).toEqual([15, 35]);
    // 2 → 4: sources 0 (clamped from −0.25), 0.25, 0.75, 1.25 (both taps on pixel 1).
    expect([...torchBilinear(rowF(10, 20), 4, 1).data]).toEqual([10, 12.5, 17.5, 20]);
  });

  it("matches the numpy float32 reference on 2-D planes", () => {
    const image = synthetic(13, 9);
    const unit = {
      width: 13,
      height: 9,
      data: Float32Array.from({ length: 117 }, (_, i) => Math.fround(image.data[i * 3 + 2]! / 255)),
    };
    expect([...torchBilinear(unit, 5, 4).data]).toEqual(numbers("small_13x9_to_5x4_torch"));
    const up = torchBilinear(unit, 29, 17).data;
    const expected = summary("small_13x9_to_29x17_torch");
    expect(fingerprint(up)).toBe(expected.fingerprint);
    for (const [i, v] of expected.samples) expect(up[i]).toBe(v);
    // The same through the 8-bit entry point with ToTensor's table.
    const all = torchBilinearChannels({ ...image, channels: 3 }, TO_TENSOR_TABLE, 5, 4);
    expect([...all.subarray(2 * 20, 3 * 20)]).toEqual(numbers("small_13x9_to_5x4_torch"));
  });

  it("keeps 0, ½ and 1 exact; other constants move by torch's own float32 rounding", () => {
    for (const value of [0, 0.5, 1]) {
      const plane = { width: 5, height: 3, data: new Float32Array(15).fill(value) };
      expect(torchBilinear(plane, 8, 7).data.every((v) => v === value)).toBe(true);
    }
    // float32 λ0 + λ1 need not be 1, so 0.1 comes back 1 ulp high in places — in the numpy
    // float32 reference too.
    const plane = { width: 5, height: 3, data: new Float32Array(15).fill(0.1) };
    expect([...torchBilinear(plane, 8, 7).data]).toEqual(numbers("torch_constant_0.1_5x3_to_8x7"));
  });

  it("computes a window of the output with exactly the values of the full interpolation", () => {
    const image = synthetic(23, 17);
    const plane = {
      width: 23,
      height: 17,
      data: Float32Array.from({ length: 23 * 17 }, (_, i) => image.data[i * 3]! / 255),
    };
    for (const [w, h] of [
      [11, 7],
      [50, 40],
      [23, 17],
    ] as const) {
      const full = torchBilinear(plane, w, h).data;
      const win = { left: 2, top: 3, width: 5, height: 4 };
      const part = torchBilinear(plane, w, h, win);
      expect([part.width, part.height]).toEqual([5, 4]);
      for (let y = 0; y < 4; y++)
        for (let x = 0; x < 5; x++) expect(part.data[y * 5 + x]).toBe(full[(y + 3) * w + x + 2]);
    }
    expect(() => torchBilinear(plane, 10, 10, { left: 8, top: 0, width: 3, height: 1 })).toThrow(
      PreprocessError,
    );
  });

  it("is the identity when the size does not change", () => {
    const plane = { width: 3, height: 2, data: Float32Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) };
    expect(torchBilinear(plane, 3, 2).data).toEqual(plane.data);
  });

  it("rejects sizes and data that do not fit", () => {
    expect(() => torchBilinear(rowF(1, 2), 0, 1)).toThrow(PreprocessError);
    expect(() => torchBilinear({ width: 3, height: 1, data: new Float32Array(2) }, 2, 1)).toThrow(
      PreprocessError,
    );
    expect(() => torchLinearTaps(3, 1.5)).toThrow(PreprocessError);
  });
});
