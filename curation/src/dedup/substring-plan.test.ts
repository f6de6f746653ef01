import { describe, expect, it } from "vitest";
import { mulberry32 } from "./fixtures/planted-hashes";
import { popcount32 } from "./hash64";
import {
  ballSize,
  chooseSubstringCount,
  MAX_SUBSTRINGS,
  MIN_SUBSTRINGS,
  substringDistance,
  substringLayout,
  substringRadii,
  substringValue,
} from "./substring-plan";

/** Bit `bit` of the 64-bit hash (hi, lo). */
const bitOf = (hi: number, lo: number, bit: number) =>
  bit < 32 ? (lo >>> bit) & 1 : (hi >>> (bit - 32)) & 1;

describe("substringLayout", () => {
  it("covers the 64 bits with disjoint substrings, longer first", () => {
    expect(substringLayout(3).lengths).toEqual([22, 21, 21]);
    for (let m = MIN_SUBSTRINGS; m <= MAX_SUBSTRINGS; m++) {
      const layout = substringLayout(m);
      let hi = 0;
      let lo = 0;
      for (let k = 0; k < m; k++) {
        expect(hi & layout.hiMasks[k]!).toBe(0);
        expect(lo & layout.loMasks[k]!).toBe(0);
        hi |= layout.hiMasks[k]!;
        lo |= layout.loMasks[k]!;
        expect(popcount32(layout.hiMasks[k]!) + popcount32(layout.loMasks[k]!)).toBe(layout.lengths[k]);
        if (k > 0) expect(layout.lengths[k]).toBeLessThanOrEqual(layout.lengths[k - 1]!);
      }
      expect(hi >>> 0).toBe(0xffffffff);
      expect(lo >>> 0).toBe(0xffffffff);
    }
    expect(() => substringLayout(2)).toThrow(RangeError);
    expect(() => substringLayout(13)).toThrow(RangeError);
  });

  it("reads substring values bit for bit, across the hi/lo boundary too", () => {
    const next = mulberry32(3);
    for (let m = MIN_SUBSTRINGS; m <= MAX_SUBSTRINGS; m++) {
      const layout = substringLayout(m);
      for (let i = 0; i < 200; i++) {
        const hi = next();
        const lo = next();
        for (let k = 0; k < m; k++) {
          let expected = 0;
          for (let b = 0; b < layout.lengths[k]!; b++) expected |= bitOf(hi, lo, layout.starts[k]! + b) << b;
          expect(substringValue(hi, lo, layout.starts[k]!, layout.lengths[k]!)).toBe(expected);
        }
      }
    }
  });
});

describe("substringRadii", () => {
  it("is Norouzi et al.'s bound: s for the first r − s·m + 1 substrings, s − 1 after", () => {
    expect(substringRadii(6, 3)).toEqual([2, 1, 1]);
    expect(substringRadii(10, 3)).toEqual([3, 3, 2]);
    expect(substringRadii(0, 3)).toEqual([0, -1, -1]);
    expect(substringRadii(1, 4)).toEqual([0, 0, -1, -1]);
    expect(substringRadii(8, 4)).toEqual([2, 1, 1, 1]);
    // Σ (t + 1) = r + 1 in every case: the pigeonhole argument needs exactly that.
    for (let m = MIN_SUBSTRINGS; m <= MAX_SUBSTRINGS; m++)
      for (let r = 0; r <= 64; r++) expect(substringRadii(r, m).reduce((s, t) => s + t + 1, 0)).toBe(r + 1);
    expect(() => substringRadii(65, 3)).toThrow(RangeError);
    expect(() => substringRadii(1.5, 3)).toThrow(RangeError);
  });

  it("always leaves some substring within its radius for pairs within r", () => {
    const next = mulberry32(17);
    for (let m = MIN_SUBSTRINGS; m <= MAX_SUBSTRINGS; m++) {
      const layout = substringLayout(m);
      for (let r = 0; r <= 20; r++) {
        const radii = substringRadii(r, m);
        for (let trial = 0; trial < 200; trial++) {
          // A random XOR of exactly r bits: the hardest case for the bound.
          let xh = 0;
          let xl = 0;
          while (popcount32(xh) + popcount32(xl) < r) {
            const bit = next() & 63;
            if (bit < 32) xl |= 1 << bit;
            else xh |= 1 << (bit - 32);
          }
          const found = radii.some((t, k) => substringDistance(layout, k, xh, xl) <= t);
          expect(found).toBe(true);
        }
      }
    }
  });
});

describe("cost model", () => {
  it("counts balls", () => {
    expect(ballSize(21, 2)).toBe(1 + 21 + 210);
    expect(ballSize(5, 9)).toBe(32);
  });

  it("picks three substrings (22/21/21 bits) for a million hashes at the usual radii", () => {
    for (const r of [0, 4, 6, 8, 10]) expect(chooseSubstringCount(1_000_000, r)).toBe(3);
    // Small sets prefer shorter substrings (smaller tables to scan).
    expect(chooseSubstringCount(1000, 6)).toBeGreaterThan(3);
  });
});
