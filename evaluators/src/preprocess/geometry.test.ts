import { describe, expect, it } from "vitest";
import { PreprocessError } from "./errors";
import { centerCropOffsets, resizeShortestSide, roundHalfEven } from "./geometry";

/**
 * Expected values: torchvision's formulas worked by hand — `_compute_resized_output_size`
 * (short side → size, long side int(size·long/short)) and `center_crop` (pad (crop − size)//2
 * before, then int(round((size − crop)/2.0)) with Python's round-half-to-even).
 */

describe("resizeShortestSide (torchvision Resize(int))", () => {
  it("scales the shorter side to the size and truncates the longer", () => {
    expect(resizeShortestSide(640, 480, 224)).toEqual({ width: 298, height: 224 }); // 298.67 → 298
    expect(resizeShortestSide(480, 640, 224)).toEqual({ width: 224, height: 298 });
    expect(resizeShortestSide(50, 37, 224)).toEqual({ width: 302, height: 224 }); // 302.70 → 302
    expect(resizeShortestSide(97, 61, 256)).toEqual({ width: 407, height: 256 }); // 407.08 → 407
    expect(resizeShortestSide(300, 200, 224)).toEqual({ width: 336, height: 224 });
    expect(resizeShortestSide(100, 100, 224)).toEqual({ width: 224, height: 224 });
    expect(resizeShortestSide(1, 1, 224)).toEqual({ width: 224, height: 224 });
    expect(resizeShortestSide(1000, 3, 224)).toEqual({ width: 74666, height: 224 }); // 74666.67
  });

  it("rejects sizes that are not positive integers", () => {
    expect(() => resizeShortestSide(0, 10, 224)).toThrow(PreprocessError);
    expect(() => resizeShortestSide(10, 10, 22.4)).toThrow(PreprocessError);
  });
});

describe("roundHalfEven (Python round)", () => {
  it("rounds ties to the even neighbour", () => {
    expect([0.5, 1.5, 2.5, 3.5, 112.5, 113.5].map(roundHalfEven)).toEqual([0, 2, 2, 4, 112, 114]);
    expect([1.4, 1.6, 0, 7].map(roundHalfEven)).toEqual([1, 2, 0, 7]);
  });
});

describe("centerCropOffsets (torchvision center_crop)", () => {
  it("takes int(round((size − crop) / 2)) with ties to even", () => {
    expect(centerCropOffsets(224, 224, 224, 224)).toEqual({ left: 0, top: 0 });
    expect(centerCropOffsets(225, 224, 224, 224).left).toBe(0); // round(0.5) = 0
    expect(centerCropOffsets(227, 224, 224, 224).left).toBe(2); // round(1.5) = 2
    expect(centerCropOffsets(229, 224, 224, 224).left).toBe(2); // round(2.5) = 2
    expect(centerCropOffsets(451, 224, 224, 224).left).toBe(114); // round(113.5) = 114
    expect(centerCropOffsets(449, 224, 224, 224).left).toBe(112); // round(112.5) = 112
    expect(centerCropOffsets(302, 224, 224, 224).left).toBe(39);
    expect(centerCropOffsets(224, 407, 224, 224).top).toBe(92); // round(91.5) = 92
  });

  it("pads a short side with (crop − size)//2 zeros before", () => {
    expect(centerCropOffsets(3, 3, 7, 7)).toEqual({ left: -2, top: -2 }); // pads 2 and 2
    expect(centerCropOffsets(4, 9, 7, 7)).toEqual({ left: -1, top: 1 }); // pads 1 and 2; round(1.0)
    expect(centerCropOffsets(1, 1, 224, 224)).toEqual({ left: -111, top: -111 }); // 111 + 112
  });
});
