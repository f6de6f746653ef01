import { describe, expect, it } from "vitest";
import { exposureOf, histogramOf } from "./exposure";
import { grayImage } from "./gray-image";
import { toLuma } from "./image-probe";
import { laplacianVariance } from "./laplacian-variance";
import { differenceHash, perceptualHash } from "./perceptual-hash";

const filled = (w: number, h: number, f: (x: number, y: number) => number) => {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = f(x, y);
  return grayImage(w, h, data);
};

describe("laplacianVariance", () => {
  it("is 0 on a flat image and on a linear ramp (the Laplacian of a plane is 0)", () => {
    expect(laplacianVariance(filled(10, 10, () => 77))).toBe(0);
    expect(laplacianVariance(filled(10, 10, (x, y) => 3 * x + 2 * y))).toBe(0);
  });

  it("matches a hand computation on a single bright pixel", () => {
    // A 3×3 image has one interior pixel: L = 4·0 … with a bright centre L = −4·100 → one value,
    // variance 0. On 5×5 with a bright centre: the 3×3 interior holds L = −400 at the centre,
    // +100 at its 4 edge neighbours and 0 at the 4 corners: mean 0, variance (160000 + 4·10000)/9.
    expect(laplacianVariance(filled(3, 3, (x, y) => (x === 1 && y === 1 ? 100 : 0)))).toBe(0);
    const v = laplacianVariance(filled(5, 5, (x, y) => (x === 2 && y === 2 ? 100 : 0)));
    expect(v).toBeCloseTo((160_000 + 4 * 10_000) / 9, 8);
  });

  it("does not overflow its integer sums on wide, high-contrast rows", () => {
    // A 5000-wide checkerboard: every interior Laplacian is ±1020, far past 2³¹ per row squared.
    const board = filled(5000, 4, (x, y) => ((x + y) % 2) * 255);
    let sum = 0;
    let squares = 0;
    for (let y = 1; y < 3; y++)
      for (let x = 1; x < 4999; x++) {
        const at = (xx: number, yy: number) => board.data[yy * 5000 + xx]!;
        const l = at(x - 1, y) + at(x + 1, y) + at(x, y - 1) + at(x, y + 1) - 4 * at(x, y);
        sum += l;
        squares += l * l;
      }
    const n = 2 * 4998;
    expect(laplacianVariance(board)).toBeCloseTo(squares / n - (sum / n) ** 2, 6);
    expect(laplacianVariance(board)).toBeGreaterThan(1e6);
  });

  it("is far higher on a checkerboard than on a soft gradient", () => {
    const sharp = laplacianVariance(filled(64, 64, (x, y) => ((x + y) % 2) * 255));
    const soft = laplacianVariance(filled(64, 64, (x, y) => Math.round(127 + 100 * Math.sin((x + y) / 20))));
    expect(sharp).toBeGreaterThan(1000 * soft);
  });
});

describe("exposureOf", () => {
  it("measures mean luma and clipped shares", () => {
    const half = exposureOf(filled(10, 10, (x) => (x < 5 ? 0 : 255)));
    expect(half).toEqual({ meanLuma: 0.5, darkShare: 0.5, brightShare: 0.5 });
    expect(exposureOf(filled(4, 4, () => 51)).meanLuma).toBeCloseTo(0.2, 10);
    // A histogram counted by the image's maker is used as it is.
    const counted = new Uint32Array(256);
    counted[255] = 16;
    expect(exposureOf({ ...filled(4, 4, () => 0), histogram: counted }).brightShare).toBe(1);
  });
});

describe("toLuma", () => {
  it("weighs red, green and blue as PIL's convert('L') does, four pixels at a time or one by one", () => {
    // White, red, green, blue, black, then two greys: seven pixels, so the last three are left
    // over after the four-at-a-time part.
    const rgb = [255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 10, 10, 10, 200, 100, 50];
    const expected = [255, 76, 150, 29, 0, 10, 124];
    const fast = toLuma(Uint8Array.from(rgb), 3);
    expect([...fast.luma]).toEqual(expected);
    // The four-at-a-time path counts the histogram in passing.
    expect([...fast.histogram!]).toEqual([...histogramOf(Uint8Array.from(expected))]);
    // The same pixels starting off a 4-byte boundary take the one-by-one path.
    const offset = new Uint8Array(rgb.length + 1);
    offset.set(rgb, 1);
    expect([...toLuma(offset.subarray(1), 3).luma]).toEqual(expected);
    // RGBA (alpha ignored) and grey with alpha.
    expect([...toLuma(Uint8Array.from([255, 0, 0, 9, 200, 100, 50, 9]), 4).luma]).toEqual([76, 124]);
    expect([...toLuma(Uint8Array.from([17, 255, 34, 0]), 2).luma]).toEqual([17, 34]);
  });
});

describe("histogramOf", () => {
  it("counts every value once, whatever the length's remainder by four", () => {
    for (const length of [0, 1, 6, 7, 1001]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 37) % 256);
      const histogram = histogramOf(data);
      const expected = new Uint32Array(256);
      for (const v of data) expected[v]!++;
      expect([...histogram]).toEqual([...expected]);
    }
  });
});

describe("perceptual hashes", () => {
  it("dHash sets a bit where the right neighbour is brighter, most significant first", () => {
    // Brightness rising left to right: every bit set.
    expect(differenceHash(filled(9, 8, (x) => x * 10))).toBe("ffffffffffffffff");
    expect(differenceHash(filled(9, 8, (x) => 200 - x * 10))).toBe("0000000000000000");
    // Only the first row rises: the first byte.
    expect(differenceHash(filled(9, 8, (x, y) => (y === 0 ? x * 10 : 100)))).toBe("ff00000000000000");
  });

  it("pHash: scaling contrast keeps every bit; inverting the image flips the non-DC ones", () => {
    // Values 0…127, so doubling them is exact and scales every DCT coefficient by exactly 2.
    let seed = 3;
    const random = filled(32, 32, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % 128;
    });
    const doubled = grayImage(
      32,
      32,
      random.data.map((v) => 2 * v),
    );
    const inverted = grayImage(
      32,
      32,
      random.data.map((v) => 255 - v),
    );
    const a = perceptualHash(random);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(perceptualHash(doubled)).toBe(a);
    const flipped = (BigInt(`0x${a}`) ^ BigInt(`0x${perceptualHash(inverted)}`)).toString(2);
    expect([...flipped].filter((bit) => bit === "1").length).toBeGreaterThanOrEqual(60);
  });
});
