import { describe, expect, it } from "vitest";
import { PairCollector, sortPairs } from "./pairs";

describe("pair lists", () => {
  it("sort by (a, b), carrying the distances", () => {
    const sorted = sortPairs(
      {
        a: Uint32Array.of(3, 0, 3, 1, 0),
        b: Uint32Array.of(4, 5, 2, 2, 1),
        distance: Uint8Array.of(1, 2, 3, 4, 5),
      },
      6,
    );
    expect([...sorted.a]).toEqual([0, 0, 1, 3, 3]);
    expect([...sorted.b]).toEqual([1, 5, 2, 2, 4]);
    expect([...sorted.distance]).toEqual([5, 2, 4, 3, 1]);
  });

  it("collect past their initial capacity", () => {
    const collector = new PairCollector();
    for (let p = 0; p < 5000; p++) collector.visit(4999 - p, 5000, p % 64);
    const pairs = collector.sorted(5001);
    expect(pairs.a.length).toBe(5000);
    expect(pairs.a[0]).toBe(0);
    expect(pairs.distance[0]).toBe(4999 % 64);
  });
});
