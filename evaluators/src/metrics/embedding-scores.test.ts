import { describe, expect, it } from "vitest";
import { clipScore, cosine, EmbeddingError, meanPairwiseCosine } from "./embedding-scores";
import { pck } from "./pck";

describe("embedding scores", () => {
  it("CLIP score is 100·max(cos, 0), as torchmetrics defines it", () => {
    // cos([1, 2, 2], [2, 1, 2]) = (2 + 2 + 4) / (3 · 3) = 8/9.
    expect(clipScore([1, 2, 2], [2, 1, 2])).toBeCloseTo((100 * 8) / 9, 12);
    expect(clipScore([1, 0], [-1, 0])).toBe(0); // opposite directions clip at 0
    expect(cosine([3, 4], [6, 8])).toBeCloseTo(1, 15);
  });

  it("CLIP-I / DINO average the cosine over generated × reference pairs", () => {
    // cos([1,0],[1,0]) = 1, cos([1,0],[0,1]) = 0, cos([0,1],[1,0]) = 0, cos([0,1],[0,1]) = 1 → 0.5.
    expect(
      meanPairwiseCosine(
        [
          [1, 0],
          [0, 1],
        ],
        [
          [1, 0],
          [0, 1],
        ],
      ),
    ).toBe(0.5);
    expect(() => cosine([0, 0], [1, 0])).toThrow(EmbeddingError);
    expect(() => cosine([1, 0], [1, 0, 0])).toThrow(/differ in size/);
  });
});

describe("PCK@α", () => {
  it("counts predictions within α·max(h, w) of the truth, over visible keypoints only", () => {
    const truth = [{ x: 10, y: 10 }, { x: 50, y: 50 }, null, { x: 90, y: 20 }];
    const predicted = [
      { x: 14, y: 13 },
      { x: 50, y: 61 },
      { x: 0, y: 0 },
      { x: 400, y: -30 },
    ];
    // box 100×80, α 0.1 → threshold 10: distances 5 (yes), 11 (no), — (invisible), far (no).
    expect(pck(predicted, truth, { alpha: 0.1, box: { width: 100, height: 80 } })).toBeCloseTo(1 / 3, 15);
    expect(pck(predicted, truth, { alpha: 0.15, box: { width: 100, height: 80 } })).toBeCloseTo(2 / 3, 15);
    expect(pck([null], [null], { alpha: 0.1, box: { width: 1, height: 1 } })).toBeNull();
  });
});
