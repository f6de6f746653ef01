import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson";

describe("wilsonInterval", () => {
  it("matches published values", () => {
    // statsmodels.stats.proportion.proportion_confint(7, 10, method="wilson") = (0.3968, 0.8922)
    const [lo, hi] = wilsonInterval(7, 10);
    expect(lo).toBeCloseTo(0.3968, 4);
    expect(hi).toBeCloseTo(0.8922, 4);
    // proportion_confint(0, 20, method="wilson") = (0.0, 0.1611)
    const [lo0, hi0] = wilsonInterval(0, 20);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(0.1611, 4);
  });

  it("is [0, 1] without data and narrows as n grows", () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    const width = (k: number, n: number) => {
      const [lo, hi] = wilsonInterval(k, n);
      return hi - lo;
    };
    expect(width(50, 100)).toBeLessThan(width(5, 10));
  });
});
