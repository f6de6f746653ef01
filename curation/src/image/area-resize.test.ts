import { describe, expect, it } from "vitest";
import { areaResize } from "./area-resize";
import { grayImage } from "./gray-image";

describe("areaResize", () => {
  it("averages whole blocks on an exact reduction", () => {
    // 4×2 → 2×1: the means of the two 2×2 blocks.
    const out = areaResize(grayImage(4, 2, Uint8Array.from([0, 10, 100, 200, 20, 30, 50, 250])), 2, 1);
    expect([...out.data]).toEqual([15, 150]);
  });

  it("weights partly covered pixels by the part covered", () => {
    // 3 pixels → 2: the first target covers pixel 0 and half of pixel 1.
    const out = areaResize(grayImage(3, 1, Uint8Array.from([0, 90, 180])), 2, 1);
    expect([...out.data]).toEqual([30, 150]);
  });

  it("keeps a flat image flat and its size right", () => {
    const out = areaResize(grayImage(37, 23, new Uint8Array(37 * 23).fill(77)), 9, 8);
    expect(out.width * out.height).toBe(72);
    expect(new Set(out.data)).toEqual(new Set([77]));
  });
});
