import { describe, expect, it } from "vitest";
import { averageRanks } from "./average-ranks";
import { kendallTauB } from "./kendall";
import { spearman } from "./spearman";

// Expected values from scipy 1.17: scipy.stats.spearmanr(x, y).statistic and
// scipy.stats.kendalltau(x, y).statistic (variant "b"), on the same lists.
describe("rank correlations", () => {
  it("match scipy with ties on both sides", () => {
    const x = [3.1, 1.2, 5.5, 2.2, 4.0, 4.0, 0.5];
    const y = [2.0, 1.0, 3.0, 3.0, 5.0, 4.0, 0.1];
    expect(spearman(x, y)).toBeCloseTo(0.7818181818181817, 12);
    expect(kendallTauB(x, y)).toBeCloseTo(0.6499999999999999, 12);
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8207826816681233, 12);
    expect(kendallTauB([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.7378647873726218, 12);
  });

  it("are ±1 for the same or the reversed order, and null where scipy gives NaN", () => {
    expect(spearman([1, 2, 3], [3, 2, 1])).toBe(-1);
    expect(kendallTauB([1, 2, 3], [10, 20, 30])).toBe(1);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(kendallTauB([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([1], [2])).toBeNull();
    expect(kendallTauB([1, NaN], [1, 2])).toBeNull();
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
  });

  it("average ranks share the mean of the ranks they span", () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 2])).toEqual([3, 1, 2]);
  });
});
