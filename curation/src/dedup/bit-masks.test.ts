import { describe, expect, it } from "vitest";
import { masksWithin } from "./bit-masks";
import { popcount32 } from "./hash64";
import { ballSize } from "./substring-plan";

describe("masksWithin", () => {
  it("lists every non-zero mask of weight ≤ t exactly once, grouped by highest bit", () => {
    for (const [bits, t] of [
      [5, 0],
      [5, 2],
      [6, 6],
      [12, 3],
      [17, 2],
    ] as const) {
      const { masks, groupStarts } = masksWithin(bits, t);
      const expected: number[] = [];
      for (let mask = 1; mask < 2 ** bits; mask++) if (popcount32(mask) <= t) expected.push(mask);
      expect([...masks].sort((a, b) => a - b)).toEqual(expected);
      expect(masks.length).toBe(ballSize(bits, t) - 1);
      for (let h = 0; h < bits; h++)
        for (let m = groupStarts[h]!; m < groupStarts[h + 1]!; m++)
          expect(31 - Math.clz32(masks[m]!)).toBe(h);
      expect(groupStarts[bits]).toBe(masks.length);
    }
  });
});
