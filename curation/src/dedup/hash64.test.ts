import { describe, expect, it } from "vitest";
import {
  formatHash64,
  hammingDistance,
  hammingDistanceAt,
  hash64FromBigInt,
  hash64ToBigInt,
  hashAt,
  hashCount,
  packHashes,
  parseHash64,
  parsePackedHashes,
  popcount32,
} from "./hash64";
import { mulberry32 } from "./fixtures/planted-hashes";

/** The obvious popcount, one bit at a time: the reference for the branch-free one. */
function naivePopcount(x: number): number {
  let count = 0;
  for (let bit = 0; bit < 32; bit++) count += (x >>> bit) & 1;
  return count;
}

describe("popcount32", () => {
  it("counts set bits at the edges", () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(1)).toBe(1);
    expect(popcount32(0x80000000)).toBe(1);
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(-1)).toBe(32);
    expect(popcount32(0x55555555)).toBe(16);
    expect(popcount32(0x0f0f0f0f)).toBe(16);
    expect(popcount32(0x7fffffff)).toBe(31);
  });

  it("matches a bit-by-bit count on 100,000 random words", () => {
    const next = mulberry32(11);
    const mismatches: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const x = next();
      if (popcount32(x) !== naivePopcount(x)) mismatches.push(x);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("hex form", () => {
  it("parses and formats 16 hex digits, hi half first", () => {
    const h = parseHash64("8000000000000001");
    expect(h).toEqual({ hi: 0x80000000, lo: 1 });
    expect(formatHash64(h)).toBe("8000000000000001");
    expect(parseHash64("FFFFFFFFffffffff")).toEqual({ hi: 0xffffffff, lo: 0xffffffff });
    expect(formatHash64({ hi: 0, lo: 0xabc })).toBe("0000000000000abc");
  });

  it("round-trips random hashes", () => {
    const next = mulberry32(5);
    for (let i = 0; i < 1000; i++) {
      const h = { hi: next(), lo: next() };
      expect(parseHash64(formatHash64(h))).toEqual(h);
    }
  });

  it("rejects anything but 16 hex digits, naming the value", () => {
    for (const bad of [
      "",
      "abc",
      "0x0000000000000001",
      "00000000000000001",
      "000000000000000g",
      " 0000000000000000",
    ])
      expect(() => parseHash64(bad)).toThrow(/16 hex digits/);
  });

  it("names the position of a bad value in a column", () => {
    expect(() => parsePackedHashes(["0000000000000000", "zz"])).toThrow(/^hash 1: .*"zz"/);
  });
});

describe("BigInt form", () => {
  it("converts both ways", () => {
    expect(hash64ToBigInt({ hi: 0xffffffff, lo: 0xffffffff })).toBe((1n << 64n) - 1n);
    expect(hash64FromBigInt(0x0123456789abcdefn)).toEqual({ hi: 0x01234567, lo: 0x89abcdef });
    expect(() => hash64FromBigInt(1n << 64n)).toThrow(RangeError);
    expect(() => hash64FromBigInt(-1n)).toThrow(RangeError);
  });
});

describe("hammingDistance", () => {
  it("counts differing bits across both halves", () => {
    const a = parseHash64("0000000000000000");
    expect(hammingDistance(a, a)).toBe(0);
    expect(hammingDistance(a, parseHash64("ffffffffffffffff"))).toBe(64);
    expect(hammingDistance(a, parseHash64("8000000000000001"))).toBe(2);
    expect(hammingDistance(parseHash64("f0f0f0f0f0f0f0f0"), parseHash64("0f0f0f0f0f0f0f0f"))).toBe(64);
  });

  it("agrees with the XOR of the BigInt forms", () => {
    const next = mulberry32(9);
    for (let i = 0; i < 2000; i++) {
      const a = { hi: next(), lo: next() };
      const b = { hi: next(), lo: next() };
      const xor = hash64ToBigInt(a) ^ hash64ToBigInt(b);
      expect(hammingDistance(a, b)).toBe(xor.toString(2).replaceAll("0", "").length);
    }
  });

  it("works on packed sets", () => {
    const packed = packHashes([parseHash64("00000000000000ff"), parseHash64("000000000000000f")]);
    expect(hashCount(packed)).toBe(2);
    expect(hashAt(packed, 1)).toEqual({ hi: 0, lo: 15 });
    expect(hammingDistanceAt(packed, 0, 1)).toBe(4);
    expect(() => hashCount(new Uint32Array(3))).toThrow(/even length/);
  });
});
