import { describe, expect, it } from "vitest";
import { borderShare, bordersOf } from "./border";
import { grayImage } from "./gray-image";

const filled = (w: number, h: number, f: (x: number, y: number) => number) => {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = f(x, y);
  return grayImage(w, h, data);
};
// A textured middle: a checker of mid greys, never flat.
const texture = (x: number, y: number) => 90 + ((x + y) % 2) * 80;

describe("bordersOf", () => {
  it("finds letterbox bars (black top and bottom) and nothing on the sides", () => {
    const image = filled(40, 30, (x, y) => (y < 5 || y >= 27 ? 3 : texture(x, y)));
    expect(bordersOf(image)).toEqual({ top: 5, bottom: 3, left: 0, right: 0 });
    expect(borderShare(bordersOf(image), 40, 30)).toBeCloseTo(8 / 30, 12);
  });

  it("finds a white frame on every side", () => {
    const image = filled(20, 20, (x, y) => (x < 2 || x >= 18 || y < 2 || y >= 18 ? 250 : texture(x, y)));
    expect(bordersOf(image)).toEqual({ top: 2, bottom: 2, left: 2, right: 2 });
    expect(borderShare(bordersOf(image), 20, 20)).toBeCloseTo(1 - (16 * 16) / 400, 12);
  });

  it("does not count a dark but textured edge, nor a flat mid-grey one", () => {
    const darkTexture = filled(20, 20, (x, y) => (y < 4 ? ((x + y) % 2) * 40 : texture(x, y)));
    expect(bordersOf(darkTexture).top).toBe(0);
    const grey = filled(20, 20, (x, y) => (y < 4 ? 128 : texture(x, y)));
    expect(bordersOf(grey).top).toBe(0);
  });

  it("calls an all-black image all border, without counting a line twice", () => {
    const black = filled(7, 5, () => 0);
    const borders = bordersOf(black);
    expect(borders.top + borders.bottom).toBe(5);
    expect(borders.left + borders.right).toBe(7);
    expect(borderShare(borders, 7, 5)).toBe(1);
  });
});
