import { describe, expect, it } from "vitest";
import { itemsOfChunk, planChunks } from "./chunks";

describe("chunks", () => {
  it("cover every (prompt, seed) exactly once, in order, whatever the chunk size", () => {
    const prompts = ["p1", "p2", "p3"];
    const seeds = [0n, 1n];
    for (const size of [1, 2, 4, 7]) {
      const items = Array.from({ length: planChunks(6, size) }, (_, k) =>
        itemsOfChunk(k, size, prompts, seeds),
      ).flat();
      expect(items.map((i) => `${i.prompt}/${i.seed}`)).toEqual([
        "p1/0",
        "p1/1",
        "p2/0",
        "p2/1",
        "p3/0",
        "p3/1",
      ]);
      expect(items.map((i) => i.index)).toEqual([0, 1, 2, 3, 4, 5]);
    }
  });

  it("refuses a chunk size that is not a positive integer", () => {
    expect(() => planChunks(10, 0)).toThrow(RangeError);
  });
});
