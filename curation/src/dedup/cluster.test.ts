import { describe, expect, it } from "vitest";
import { bruteForceNearDuplicatePairs } from "./brute-force";
import { clusterHashes, clusterNearDuplicates } from "./cluster";
import { groupExactDuplicates } from "./exact-duplicates";
import { mulberry32, plantedHashes } from "./fixtures/planted-hashes";
import { packHashes, parseHash64 } from "./hash64";
import { DisjointSets } from "./union-find";

/** Connected components by breadth-first search, each labelled by its lowest item: the reference. */
function componentsByBfs(n: number, pairs: { a: Uint32Array; b: Uint32Array }): number[] {
  const adjacent: number[][] = Array.from({ length: n }, () => []);
  for (let p = 0; p < pairs.a.length; p++) {
    adjacent[pairs.a[p]!]!.push(pairs.b[p]!);
    adjacent[pairs.b[p]!]!.push(pairs.a[p]!);
  }
  const label = new Array<number>(n).fill(-1);
  for (let start = 0; start < n; start++) {
    if (label[start] !== -1) continue;
    label[start] = start; // ascending starts: the first unlabelled item is its component's lowest
    const queue = [start];
    while (queue.length > 0) {
      const i = queue.pop()!;
      for (const j of adjacent[i]!)
        if (label[j] === -1) {
          label[j] = start;
          queue.push(j);
        }
    }
  }
  return label;
}

describe("DisjointSets", () => {
  it("keeps the lowest item as every set's root, whatever the union order", () => {
    const sets = new DisjointSets(6);
    expect(sets.union(5, 3)).toBe(true);
    expect(sets.union(3, 4)).toBe(true);
    expect(sets.union(4, 5)).toBe(false);
    sets.union(2, 0);
    expect([...sets.representatives()]).toEqual([0, 1, 0, 3, 3, 3]);
    sets.union(5, 2);
    expect(sets.find(4)).toBe(0);
  });
});

describe("clusterNearDuplicates", () => {
  it("keeps the lowest item of each chain-linked cluster", () => {
    // 0–3 and 3–7 link 0, 3 and 7 although 0 and 7 are not a pair; 5 and 6 form their own cluster.
    const clusters = clusterNearDuplicates(8, { a: Uint32Array.of(3, 5, 0), b: Uint32Array.of(7, 6, 3) });
    expect([...clusters.representative]).toEqual([0, 1, 2, 0, 4, 5, 5, 0]);
    expect(clusters.clusters).toBe(5);
    expect(clusters.duplicates).toBe(3);
  });

  it("matches connected components by breadth-first search, for pairs in any order", () => {
    const data = plantedHashes({ seed: 8, random: 800, planted: 600, minFlips: 0, maxFlips: 9 });
    const pairs = bruteForceNearDuplicatePairs(data.hashes, 8);
    const expected = componentsByBfs(800 + 600, pairs);
    const reversed = { a: pairs.a.slice().reverse(), b: pairs.b.slice().reverse() };
    for (const list of [pairs, reversed])
      expect([...clusterNearDuplicates(1400, list).representative]).toEqual(expected);
  });

  it("rejects pairs outside the item range", () => {
    expect(() => clusterNearDuplicates(3, { a: Uint32Array.of(0), b: Uint32Array.of(3) })).toThrow(
      /outside 0…2/,
    );
    expect(() => clusterNearDuplicates(3, { a: Uint32Array.of(0), b: Uint32Array.of() })).toThrow(
      /differ in length/,
    );
  });
});

describe("clusterHashes", () => {
  it("equals clustering the brute-force pairs, exact copies included", () => {
    const data = plantedHashes({ seed: 21, random: 900, planted: 900, minFlips: 0, maxFlips: 8 });
    // Add 300 exact copies of a few items, as a corpus with a repeated placeholder would have.
    const next = mulberry32(4);
    const hashes = new Uint32Array(data.hashes.length + 600);
    hashes.set(data.hashes);
    for (let i = 1800; i < 2100; i++) {
      const from = next() % 5;
      hashes[2 * i] = data.hashes[2 * from]!;
      hashes[2 * i + 1] = data.hashes[2 * from + 1]!;
    }
    for (const r of [0, 3, 6, 10]) {
      const expected = clusterNearDuplicates(2100, bruteForceNearDuplicatePairs(hashes, r));
      expect(clusterHashes(hashes, r)).toEqual(expected);
    }
  });

  it("handles an empty set", () => {
    expect(clusterHashes(new Uint32Array(0), 6)).toEqual({
      representative: new Uint32Array(0),
      clusters: 0,
      duplicates: 0,
    });
  });
});

describe("groupExactDuplicates", () => {
  it("numbers distinct hashes by first appearance", () => {
    const hashes = packHashes(
      [
        "00000000000000aa",
        "ffffffff00000000",
        "00000000000000aa",
        "0000000000000000",
        "ffffffff00000000",
      ].map(parseHash64),
    );
    const groups = groupExactDuplicates(hashes);
    expect([...groups.groupOf]).toEqual([0, 1, 0, 2, 1]);
    expect([...groups.firstItem]).toEqual([0, 1, 3]);
    expect([...groups.distinct]).toEqual([0, 0xaa, 0xffffffff, 0, 0, 0]);
  });

  it("tells apart hashes that share a half", () => {
    const hashes = new Uint32Array(2 * 2000);
    for (let i = 0; i < 2000; i++) {
      hashes[2 * i] = i % 2 === 0 ? 7 : i; // many equal hi halves
      hashes[2 * i + 1] = i % 1000; // every lo half twice
    }
    const groups = groupExactDuplicates(hashes);
    expect(groups.firstItem.length).toBe(2000 - 500); // even i and i + 1000 (also even) collide
  });
});
