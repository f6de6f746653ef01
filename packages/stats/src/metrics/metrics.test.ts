import { describe, expect, it } from "vitest";
import { pairAgreement, rankAgreement } from "./human-agreement";
import { meanWithInterval } from "./mean-interval";

describe("meanWithInterval", () => {
  it("gives the mean and a bootstrap interval around it, reproducible for a seed", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const result = meanWithInterval(values, { seed: 3 })!;
    expect(result.mean).toBe(5.5);
    expect(result.n).toBe(10);
    // The standard error of this mean is 0.91 (√(8.25/10)); a 95% interval spans about ±1.8.
    expect(result.low!).toBeGreaterThan(3.3);
    expect(result.low!).toBeLessThan(4.3);
    expect(result.high!).toBeGreaterThan(6.7);
    expect(result.high!).toBeLessThan(7.7);
    expect(meanWithInterval(values, { seed: 3 })).toEqual(result);
  });

  it("resamples clusters: one prompt's outputs move together", () => {
    // Two prompts, one of them with nine identical outputs: resampling prompts can only give
    // means of 1 (prompt x twice), 10 (y twice) or the pooled 9.1 — never anything in between.
    const values = [1, ...Array<number>(9).fill(10)];
    const clusters = ["x", ...Array<string>(9).fill("y")];
    const result = meanWithInterval(values, { clusters, seed: 1 })!;
    expect(result.low).toBe(1);
    expect(result.high).toBe(10);
  });

  it("has no interval with one cluster, nothing for no values, and refuses NaN", () => {
    expect(meanWithInterval([2, 4], { clusters: ["p", "p"] })).toEqual({
      mean: 3,
      n: 2,
      low: null,
      high: null,
    });
    expect(meanWithInterval([])).toBeNull();
    expect(() => meanWithInterval([1, Number.NaN])).toThrow(RangeError);
  });
});

describe("pairAgreement", () => {
  it("counts the decisive judgments where the metric prefers the same output", () => {
    const result = pairAgreement(
      [
        { preferred: "a", a: 0.9, b: 0.1 }, // agrees
        { preferred: "b", a: 0.9, b: 0.1 }, // disagrees
        { preferred: "b", a: 0.2, b: 0.3 }, // agrees
        { preferred: "a", a: 0.5, b: 0.5 }, // metric tie: half
        { preferred: "tie", a: 0.1, b: 0.9 }, // left out
        { preferred: "a", a: undefined, b: 0.9 }, // left out
      ],
      true,
    );
    expect(result).toEqual({ agreement: 2.5 / 4, counted: 4, leftOut: 2 });
  });

  it("reads a lower-is-better metric the other way round", () => {
    expect(pairAgreement([{ preferred: "a", a: 0.1, b: 0.9 }], false).agreement).toBe(1);
    expect(pairAgreement([{ preferred: "a", a: 0.1, b: 0.9 }], true).agreement).toBe(0);
  });
});

describe("rankAgreement", () => {
  it("is +1 when the metric orders models as people do, whichever way the metric points", () => {
    const elo = [1100, 1000, 900];
    expect(rankAgreement([0.3, 0.2, 0.1], elo, true)).toEqual({ spearman: 1, kendall: 1, models: 3 });
    // FID: lower is better, so the best-rated model has the lowest FID.
    expect(rankAgreement([10, 20, 30], elo, false)).toEqual({ spearman: 1, kendall: 1, models: 3 });
    expect(rankAgreement([10, 20, 30], elo, true).spearman).toBe(-1);
  });
});
