import { describe, expect, it } from "vitest";
import { bruteForceNearDuplicatePairs } from "./brute-force";
import { mulberry32, plantedHashes } from "./fixtures/planted-hashes";
import { hammingDistanceAt, hashAt, packHashes } from "./hash64";
import { findNearDuplicatePairs, HammingIndex } from "./multi-index-hash";
import type { NearDuplicatePairs } from "./pairs";

/** Uniform hashes plus copies with 0–12 bits flipped: pairs at every distance from 0 to 12 and beyond. */
const planted = plantedHashes({ seed: 42, random: 1500, planted: 700, minFlips: 0, maxFlips: 12 });

/**
 * Hashes that vary in only 20 of their 64 bits: substring values repeat, buckets hold several items
 * (some dozens), and there are pairs at every small distance — the opposite of uniform hashes.
 */
function lowEntropyHashes(n: number, seed: number): Uint32Array {
  const next = mulberry32(seed);
  const hashes = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    hashes[2 * i] = (next() & 0x00f0f0f0) | 0x12000000;
    hashes[2 * i + 1] = (next() & 0x0c00f00f) | 0x00300000;
  }
  return hashes;
}
const lowEntropy = lowEntropyHashes(700, 7);

/** The pairs as "a-b:d" strings, for readable diffs when a test fails. */
const listOf = (pairs: NearDuplicatePairs) =>
  Array.from(pairs.a, (a, p) => `${a}-${pairs.b[p]}:${pairs.distance[p]}`);

/** The first difference between two pair lists, or null: quicker than a deep equality on 10⁵ pairs. */
function firstDifference(actual: NearDuplicatePairs, expected: NearDuplicatePairs): string | null {
  const length = Math.max(actual.a.length, expected.a.length);
  for (let p = 0; p < length; p++)
    if (
      actual.a[p] !== expected.a[p] ||
      actual.b[p] !== expected.b[p] ||
      actual.distance[p] !== expected.distance[p]
    )
      return `pair ${p}: ${listOf(actual)
        .slice(p, p + 3)
        .join(" ")} instead of ${listOf(expected)
        .slice(p, p + 3)
        .join(" ")} (${actual.a.length} pairs, ${expected.a.length} expected)`;
  return null;
}

describe("HammingIndex: all pairs, against the brute-force search", () => {
  const radii = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 13];
  for (const [name, hashes] of [
    ["uniform + planted", planted.hashes],
    ["low entropy", lowEntropy],
  ] as const) {
    it(`finds exactly the brute-force pairs (${name}; r = ${radii.join(", ")}; m = 3, 4, 5, 7, 12 and planned)`, () => {
      for (const r of radii) {
        const expected = bruteForceNearDuplicatePairs(hashes, r);
        for (const substrings of [3, 4, 5, 7, 12, undefined]) {
          const index = HammingIndex.build(hashes, { radius: r, substrings });
          expect(firstDifference(index.pairs(r), expected), `r = ${r}, m = ${index.layout.count}`).toBeNull();
        }
      }
    }, 60_000);
  }

  it("finds every planted pair, with its distance", () => {
    const pairs = findNearDuplicatePairs(planted.hashes, 12);
    const found = new Map<string, number>();
    for (let p = 0; p < pairs.a.length; p++) found.set(`${pairs.a[p]}-${pairs.b[p]}`, pairs.distance[p]!);
    for (let p = 0; p < planted.source.length; p++) {
      const a = Math.min(planted.source[p]!, planted.copy[p]!);
      const b = Math.max(planted.source[p]!, planted.copy[p]!);
      expect(found.get(`${a}-${b}`)).toBe(planted.flips[p]);
    }
  });

  it("reports each pair once and in (a, b) order, whatever the radius", () => {
    const pairs = findNearDuplicatePairs(lowEntropy, 7);
    expect(pairs.a.length).toBeGreaterThan(1000);
    const wrong: string[] = [];
    for (let p = 0; p < pairs.a.length; p++) {
      const a = pairs.a[p]!;
      const b = pairs.b[p]!;
      if (a >= b) wrong.push(`${p}: a ≥ b`);
      if (p > 0 && !(pairs.a[p - 1]! < a || (pairs.a[p - 1] === a && pairs.b[p - 1]! < b)))
        wrong.push(`${p}: order`);
      if (pairs.distance[p] !== hammingDistanceAt(lowEntropy, a, b)) wrong.push(`${p}: distance`);
    }
    expect(wrong).toEqual([]);
  });

  it("searches one index at radii other than the one it was planned for", () => {
    const index = HammingIndex.build(planted.hashes, { radius: 6 });
    for (const r of [0, 9, 14])
      expect(firstDifference(index.pairs(r), bruteForceNearDuplicatePairs(planted.hashes, r))).toBeNull();
  });

  it("handles identical hashes, single items and empty sets", () => {
    const same = packHashes(Array.from({ length: 40 }, () => ({ hi: 0xdeadbeef, lo: 0x01234567 })));
    const pairs = findNearDuplicatePairs(same, 0);
    expect(pairs.a.length).toBe((40 * 39) / 2);
    expect([...pairs.distance].every((d) => d === 0)).toBe(true);
    expect(findNearDuplicatePairs(packHashes([{ hi: 1, lo: 2 }]), 64).a.length).toBe(0);
    expect(findNearDuplicatePairs(new Uint32Array(0), 10).a.length).toBe(0);
    // r = 64: every pair.
    expect(findNearDuplicatePairs(planted.hashes.subarray(0, 2 * 60), 64).a.length).toBe((60 * 59) / 2);
  });

  it("keeps its own copy of the hashes", () => {
    const hashes = planted.hashes.slice();
    const index = HammingIndex.build(hashes, { radius: 4 });
    const before = listOf(index.pairs(4));
    hashes.fill(0);
    expect(listOf(index.pairs(4))).toEqual(before);
  });

  it("rejects bad input with a clear error", () => {
    expect(() => HammingIndex.build(new Uint32Array(5), { radius: 2 })).toThrow(/even length/);
    expect(() => HammingIndex.build(planted.hashes, { radius: -1 })).toThrow(/0…64/);
    expect(() => HammingIndex.build(planted.hashes, { radius: 4, substrings: 2 })).toThrow(/3…12/);
    const index = HammingIndex.build(planted.hashes, { radius: 4 });
    expect(() => index.pairs(65)).toThrow(/0…64/);
    expect(() => index.neighbours(index.size, 3)).toThrow(/not in an index/);
  });
});

describe("HammingIndex: single queries", () => {
  it("returns the items within r of a hash or an item, like a scan", () => {
    const next = mulberry32(99);
    for (const [hashes, r, m] of [
      [planted.hashes, 6, 3],
      [planted.hashes, 11, 4],
      [lowEntropy, 5, 3],
      [lowEntropy, 8, 6],
    ] as const) {
      const index = HammingIndex.build(hashes, { radius: r, substrings: m });
      for (let trial = 0; trial < 60; trial++) {
        const i = Math.floor((next() / 2 ** 32) * index.size);
        const expected: number[] = [];
        for (let j = 0; j < index.size; j++)
          if (j !== i && hammingDistanceAt(hashes, i, j) <= r) expected.push(j);
        const found = index.neighbours(i, r);
        expect([...found.ids]).toEqual(expected);
        expect([...found.distances]).toEqual(expected.map((j) => hammingDistanceAt(hashes, i, j)));
        // The same hash as a query also finds item i itself (and any identical copies).
        expect(index.query(hashAt(hashes, i), r).ids.length).toBe(expected.length + 1);
      }
    }
  });
});
