import { describe, expect, it } from "vitest";
import { proportionDifferenceInterval } from "./proportion-difference";

describe("proportionDifferenceInterval", () => {
  it("matches Newcombe's (1998) worked examples for method 10", () => {
    // Table II: 56/70 − 48/80 → 0.2000 (0.0524, 0.3339); 9/10 − 3/10 → 0.6 (0.1705, 0.8090).
    const a = proportionDifferenceInterval(56, 70, 48, 80);
    expect(a.difference).toBeCloseTo(0.2, 10);
    expect(a.interval[0]).toBeCloseTo(0.0524, 4);
    expect(a.interval[1]).toBeCloseTo(0.3339, 4);
    const b = proportionDifferenceInterval(9, 10, 3, 10);
    expect(b.interval[0]).toBeCloseTo(0.1705, 4);
    expect(b.interval[1]).toBeCloseTo(0.809, 3);
    // Zero cells stay well-behaved: 5/56 − 0/29 → (−0.0381, 0.1926); 0/10 − 0/20 →
    // (−0.1611, 0.2775); 10/10 − 0/20 → (0.6791, 1).
    const c = proportionDifferenceInterval(5, 56, 0, 29);
    expect(c.interval[0]).toBeCloseTo(-0.0381, 4);
    expect(c.interval[1]).toBeCloseTo(0.1926, 4);
    const d = proportionDifferenceInterval(0, 10, 0, 20);
    expect(d.interval[0]).toBeCloseTo(-0.1611, 4);
    expect(d.interval[1]).toBeCloseTo(0.2775, 4);
    const e = proportionDifferenceInterval(10, 10, 0, 20);
    expect(e.interval[0]).toBeCloseTo(0.6791, 4);
    expect(e.interval[1]).toBe(1);
  });

  it("is antisymmetric, and [−1, 1] without data", () => {
    const ab = proportionDifferenceInterval(3, 40, 10, 50);
    const ba = proportionDifferenceInterval(10, 50, 3, 40);
    expect(ba.interval[0]).toBeCloseTo(-ab.interval[1], 12);
    expect(ba.interval[1]).toBeCloseTo(-ab.interval[0], 12);
    expect(proportionDifferenceInterval(0, 0, 1, 2).interval).toEqual([-1, 1]);
  });
});
