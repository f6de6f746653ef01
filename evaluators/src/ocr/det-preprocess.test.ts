import { describe, expect, it } from "vitest";
import { detectorInput, detResizeSize } from "./det-preprocess";
import { roundHalfEven } from "./round-half-even";

describe("roundHalfEven (Python's round, numpy's np.round)", () => {
  it("sends ties to the even integer", () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.4, 2.6, 7].map(roundHalfEven)).toEqual([0, 2, 2, 0, -2, 2, 3, 7]);
  });
});

describe("detResizeSize (PaddleOCR DetResizeForTest, limit_type max, limit_side_len 960)", () => {
  it("keeps a size that is already within 960 and a multiple of 32", () => {
    expect(detResizeSize(640, 480)).toEqual({ width: 640, height: 480 });
  });

  it("scales the longer side to 960, then rounds each side to a multiple of 32", () => {
    // 1920×1080: ratio 0.5 → 960×540; round(540/32 = 16.875) = 17 → 544.
    expect(detResizeSize(1920, 1080)).toEqual({ width: 960, height: 544 });
    // Portrait: the longer side is the height.
    expect(detResizeSize(1080, 1920)).toEqual({ width: 544, height: 960 });
    // 1920×1200: 960×600; round(18.75) = 19 → 608.
    expect(detResizeSize(1920, 1200)).toEqual({ width: 960, height: 608 });
  });

  it("rounds ties to even and never goes below 32 (small images are not enlarged otherwise)", () => {
    // 80/32 = 2.5 → Python's round gives 2 → 64 (Math.round would give 96); 10/32 → 0 → 32.
    expect(detResizeSize(80, 10)).toEqual({ width: 64, height: 32 });
    // 48/32 = 1.5 → 2 → 64; 100/32 = 3.125 → 3 → 96.
    expect(detResizeSize(100, 48)).toEqual({ width: 96, height: 64 });
  });
});

describe("detectorInput (NormalizeImage + ToCHWImage on BGR)", () => {
  it("writes planar B, G, R, each normalized with the ImageNet constants of its channel index", () => {
    // Two pixels: pure red (255, 0, 0) and pure blue (0, 0, 255).
    // Plane 0 = blue, mean 0.485 / std 0.229: (0 − 0.485)/0.229 = −2.117904, (1 − 0.485)/0.229 = 2.248908.
    // Plane 1 = green, mean 0.456 / std 0.224: −0.456/0.224 = −2.035714 for both.
    // Plane 2 = red, mean 0.406 / std 0.225: (1 − 0.406)/0.225 = 2.64, (0 − 0.406)/0.225 = −1.804444.
    const out = detectorInput(Uint8Array.from([255, 0, 0, 0, 0, 255]), 2, 1);
    const expected = [-2.117904, 2.248908, -2.035714, -2.035714, 2.64, -1.804444];
    expect(out).toBeInstanceOf(Float32Array);
    expect(out).toHaveLength(6);
    expected.forEach((v, i) => expect(out[i]).toBeCloseTo(v, 5));
  });

  it("refuses pixel data of the wrong length", () => {
    expect(() => detectorInput(new Uint8Array(5), 2, 1)).toThrow(RangeError);
  });
});
