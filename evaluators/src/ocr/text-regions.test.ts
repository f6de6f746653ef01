import { describe, expect, it } from "vitest";
import {
  binarize,
  connectedComponents,
  DB_PARAMS,
  textRegions,
  unclipBox,
  unionArea,
  type ProbabilityMap,
} from "./text-regions";

/** A W×H map, 0 everywhere except where `at` returns a probability. */
function mapOf(
  width: number,
  height: number,
  at: (x: number, y: number) => number | undefined,
): ProbabilityMap {
  const data = new Float64Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = at(x, y) ?? 0;
  return { data, width, height };
}

/** p inside columns x0…x1 and rows y0…y1 (inclusive), else undefined. */
const block =
  (x0: number, y0: number, x1: number, y1: number, p: number) =>
  (x: number, y: number): number | undefined =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1 ? p : undefined;

describe("binarize", () => {
  it("keeps p > thresh strictly, as DB's pred > thresh, and never NaN", () => {
    const map = { data: [0.3, 0.30001, Number.NaN, 1, 0], width: 5, height: 1 };
    expect([...binarize(map, 0.3)]).toEqual([0, 1, 0, 1, 0]);
  });
});

describe("connectedComponents", () => {
  it("labels 8-connected regions in raster order with bounds, size and mean probability", () => {
    // Row 0: a pixel of 0.5 at x=3; row 1: 0.7 at x=4 (diagonal neighbour: same region);
    // a separate pixel of 0.9 at (0, 2).
    const map = mapOf(5, 3, (x, y) =>
      x === 3 && y === 0 ? 0.5 : x === 4 && y === 1 ? 0.7 : x === 0 && y === 2 ? 0.9 : undefined,
    );
    const components = connectedComponents(binarize(map, 0.3), map);
    expect(components).toHaveLength(2);
    expect(components[0]).toMatchObject({ minX: 3, maxX: 4, minY: 0, maxY: 1, pixels: 2 });
    expect(components[0]!.meanProbability).toBeCloseTo(0.6, 12); // (0.5 + 0.7) / 2
    expect(components[1]).toEqual({ minX: 0, maxX: 0, minY: 2, maxY: 2, pixels: 1, meanProbability: 0.9 });
  });
});

describe("textRegions (DB post-processing, PP-OCRv4 settings)", () => {
  it("grows one region's box by DB's unclip distance and returns the covered share", () => {
    // 10×8 map, 0.9 on columns 2…6, rows 2…5. Measured between pixel centres (OpenCV's contour
    // convention) the box is w = 6 − 2 = 4, h = 5 − 2 = 3; d = w·h·1.5 / (2(w + h)) = 18/14 = 1.2857.
    // Columns round(2 − 1.2857) = round(0.714) = 1 … round(6 + 1.2857) = round(7.286) = 7: 7 wide;
    // rows round(0.714) = 1 … round(5 + 1.2857) = round(6.286) = 6: 6 high. 42 of 80 pixels = 0.525.
    const result = textRegions(mapOf(10, 8, block(2, 2, 6, 5, 0.9)));
    expect(result.boxes).toEqual([{ x: 1, y: 1, width: 7, height: 6 }]);
    expect(result.coveredPixels).toBe(42);
    expect(result.fraction).toBe(0.525);
  });

  it("drops regions whose shorter side is under min_size 3", () => {
    // A 3×3 block spans w = h = 2 < 3: dropped. A 4×4 block (columns/rows 3…6) spans w = h = 3,
    // d = 9·1.5/12 = 1.125: round(1.875) = 2 … round(7.125) = 7, a 6×6 box, 36 of 100 pixels.
    expect(textRegions(mapOf(10, 10, block(3, 3, 5, 5, 0.9)))).toEqual({
      boxes: [],
      coveredPixels: 0,
      fraction: 0,
    });
    const kept = textRegions(mapOf(10, 10, block(3, 3, 6, 6, 0.9)));
    expect(kept.boxes).toEqual([{ x: 2, y: 2, width: 6, height: 6 }]);
    expect(kept.fraction).toBe(0.36);
  });

  it("drops regions whose mean probability is below box_thresh 0.6", () => {
    // The 4×4 block of the previous test, left half 0.9 and right half 0.31 (both > 0.3):
    // mean (8·0.9 + 8·0.31)/16 = 0.605 ≥ 0.6, kept (36/100); with 0.88 instead of 0.9 the mean is
    // (8·0.88 + 8·0.31)/16 = 0.595 < 0.6, dropped.
    const halves = (left: number) => (x: number, y: number) =>
      x >= 3 && x <= 6 && y >= 3 && y <= 6 ? (x <= 4 ? left : 0.31) : undefined;
    expect(textRegions(mapOf(10, 10, halves(0.9))).fraction).toBe(0.36);
    expect(textRegions(mapOf(10, 10, halves(0.88))).fraction).toBe(0);
    // A region entirely between thresh and box_thresh is never text.
    expect(textRegions(mapOf(10, 10, block(2, 2, 7, 7, 0.5))).fraction).toBe(0);
  });

  it("joins diagonal neighbours (8-connectivity) and clips the grown box to the frame", () => {
    // 12×12 map: 4×4 blocks on columns/rows 0…3 and 4…7 touch only at a corner. As one region:
    // w = h = 7, d = 49·1.5/28 = 2.625; round(−2.625) = −3 → clipped to 0 … round(9.625) = 10:
    // an 11×11 box, 121 of 144 pixels. (4-connected, they would be two 3+1.125 boxes covering
    // 25 + 36 − 4 = 57 pixels.)
    const map = mapOf(12, 12, (x, y) => block(0, 0, 3, 3, 0.9)(x, y) ?? block(4, 4, 7, 7, 0.9)(x, y));
    const result = textRegions(map);
    expect(result.boxes).toEqual([{ x: 0, y: 0, width: 11, height: 11 }]);
    expect(result.coveredPixels).toBe(121);
    expect(result.fraction).toBe(121 / 144);
  });

  it("counts overlapping boxes once, and considers at most max_candidates regions", () => {
    // 16×8 map, 4×4 blocks on columns 1…4 and 6…9 (rows 2…5), a column apart: two regions.
    // Each: w = h = 3, d = 1.125. A: columns round(−0.125) = 0 … round(5.125) = 5; B: columns
    // round(4.875) = 5 … round(10.125) = 10; both rows round(0.875) = 1 … round(6.125) = 6.
    // 36 + 36 pixels sharing column 5 × rows 1…6 (6 pixels): 66 of 128.
    const map = mapOf(16, 8, (x, y) => block(1, 2, 4, 5, 0.9)(x, y) ?? block(6, 2, 9, 5, 0.8)(x, y));
    const both = textRegions(map);
    expect(both.boxes).toEqual([
      { x: 0, y: 1, width: 6, height: 6 },
      { x: 5, y: 1, width: 6, height: 6 },
    ]);
    expect(both.coveredPixels).toBe(66);
    expect(both.fraction).toBe(66 / 128);
    // max_candidates 1: only the first region in raster order (A starts at (1, 2), B at (6, 2)).
    const first = textRegions(map, { ...DB_PARAMS, maxCandidates: 1 });
    expect(first.boxes).toEqual([{ x: 0, y: 1, width: 6, height: 6 }]);
    expect(first.fraction).toBe(36 / 128);
  });

  it("gives 0, not NaN, for an empty or NaN map, and refuses a map of the wrong size", () => {
    expect(textRegions(mapOf(32, 32, () => undefined)).fraction).toBe(0);
    expect(textRegions({ data: new Float32Array(64).fill(Number.NaN), width: 8, height: 8 }).fraction).toBe(
      0,
    );
    expect(() => textRegions({ data: new Float32Array(10), width: 4, height: 4 })).toThrow(RangeError);
    expect(() => textRegions({ data: [], width: 0, height: 0 })).toThrow(RangeError);
  });
});

describe("unclipBox", () => {
  it("applies DB's second size check (shorter side of the grown box < min_size + 2)", () => {
    // w = h = 1 with min_size 0 passes the first check; d = 1·1.5/4 = 0.375, grown side
    // 1 + 0.75 = 1.75 < 0 + 2: dropped. With w = h = 2 (columns 5…7): d = 4·1.5/8 = 0.75,
    // 2 + 1.5 = 3.5 ≥ 2: kept, columns round(4.25) = 4 … round(7.75) = 8, a 5×5 box.
    const params = { minSize: 0, unclipRatio: 1.5 };
    const c = (size: number) => ({
      minX: 5,
      minY: 5,
      maxX: 5 + size,
      maxY: 5 + size,
      pixels: 1,
      meanProbability: 1,
    });
    expect(unclipBox(c(1), 20, 20, params)).toBeNull();
    expect(unclipBox(c(2), 20, 20, params)).toEqual({ x: 4, y: 4, width: 5, height: 5 });
  });
});

describe("unionArea", () => {
  it("counts each covered pixel once and ignores what lies outside the frame", () => {
    // 4×4 at (0,0) and 4×4 at (2,2) share 2×2: 16 + 16 − 4 = 28; a duplicate adds nothing;
    // 5×5 at (8,8) in a 10×10 frame keeps 2×2 = 4; one wholly outside adds nothing. Total 32.
    const rects = [
      { x: 0, y: 0, width: 4, height: 4 },
      { x: 2, y: 2, width: 4, height: 4 },
      { x: 2, y: 2, width: 4, height: 4 },
      { x: 8, y: 8, width: 5, height: 5 },
      { x: 20, y: 0, width: 3, height: 3 },
    ];
    expect(unionArea(rects, 10, 10)).toBe(32);
    expect(unionArea([], 10, 10)).toBe(0);
  });
});
