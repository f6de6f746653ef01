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

  it("equals the mean over each target's area, computed pixel by pixel, on reductions and enlargements", () => {
    let seed = 11;
    const random = (w: number, h: number) => {
      const data = new Uint8Array(w * h);
      for (let i = 0; i < data.length; i++) data[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256;
      return grayImage(w, h, data);
    };
    // The overlap of [a, a + 1) with [from, to).
    const overlap = (a: number, from: number, to: number) =>
      Math.max(0, Math.min(a + 1, to) - Math.max(a, from));
    const naive = (image: ReturnType<typeof random>, width: number, height: number) => {
      const sx = image.width / width;
      const sy = image.height / height;
      const out: number[] = [];
      for (let ty = 0; ty < height; ty++)
        for (let tx = 0; tx < width; tx++) {
          let sum = 0;
          for (let y = 0; y < image.height; y++)
            for (let x = 0; x < image.width; x++)
              sum +=
                image.data[y * image.width + x]! *
                overlap(x, tx * sx, (tx + 1) * sx) *
                overlap(y, ty * sy, (ty + 1) * sy);
          out.push(Math.round(sum / (sx * sy)));
        }
      return out;
    };
    for (const [w, h, tw, th] of [
      [512, 384, 32, 32],
      [97, 61, 9, 8],
      [40, 30, 32, 32],
      [5, 4, 9, 8],
    ] as const) {
      const image = random(w, h);
      const got = [...areaResize(image, tw, th).data];
      const want = naive(image, tw, th);
      // Summation order differs: a mean that lands on .5 may round either way.
      for (let i = 0; i < want.length; i++)
        expect(Math.abs(got[i]! - want[i]!), `${w}×${h} → ${tw}×${th} at ${i}`).toBeLessThanOrEqual(1);
      expect(got.filter((v, i) => v !== want[i]).length).toBeLessThanOrEqual(1);
    }
  });

  it("keeps a flat image flat and its size right", () => {
    const out = areaResize(grayImage(37, 23, new Uint8Array(37 * 23).fill(77)), 9, 8);
    expect(out.width * out.height).toBe(72);
    expect(new Set(out.data)).toEqual(new Set([77]));
  });
});
