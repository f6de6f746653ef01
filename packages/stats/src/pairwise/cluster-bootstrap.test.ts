import { describe, expect, it } from "vitest";
import { seededRandom } from "../random";
import {
  percentileInterval,
  quantileOfSorted,
  resampleClusterTotals,
  seedForKey,
  type ClusterCounts,
} from "./cluster-bootstrap";

/** `clusters` rows of 4 counts, cycling through the given rows. */
function clustersOf(rows: number[][], clusters: number): ClusterCounts {
  const counts = new Int32Array(clusters * 4);
  for (let c = 0; c < clusters; c++) counts.set(rows[c % rows.length]!, c * 4);
  return { clusters, columns: 4, counts };
}

describe("quantileOfSorted and percentileInterval", () => {
  it("use Hyndman & Fan type 7, as numpy.quantile does", () => {
    // python3 -c "import numpy as np; print([np.quantile([3,1,4,1,5,9,2,6], q) for q in (0.025, 0.5, 0.975)])"
    const sorted = [1, 1, 2, 3, 4, 5, 6, 9];
    expect(quantileOfSorted(sorted, 0.025)).toBeCloseTo(1, 12);
    expect(quantileOfSorted(sorted, 0.5)).toBeCloseTo(3.5, 12);
    expect(quantileOfSorted(sorted, 0.975)).toBeCloseTo(8.475, 12);
  });

  it("leave out undefined replicates and give null when none is defined", () => {
    const replicates = Float64Array.from([3, Number.NaN, 1, 4, 1, 5, 9, 2, 6, Number.NaN]);
    const interval = percentileInterval(replicates, 0.95)!;
    expect(interval.low).toBeCloseTo(1, 12);
    expect(interval.high).toBeCloseTo(8.475, 12);
    expect(percentileInterval(Float64Array.from([Number.NaN]), 0.95)).toBeNull();
  });
});

describe("resampleClusterTotals", () => {
  const rows = [
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [2, 1, 0, 1],
  ];

  it("draws as many clusters as there are in every round, with either strategy", () => {
    const oneEach = clustersOf(rows.slice(0, 3), 30);
    for (const strategy of ["indices", "patterns"] as const) {
      const totals = resampleClusterTotals(oneEach, 50, seededRandom(3), strategy);
      for (let round = 0; round < 50; round++) {
        const row = totals.subarray(round * 4, round * 4 + 4);
        expect(row.reduce((a, b) => a + b, 0)).toBe(30);
      }
    }
  });

  it("gives the same distribution by indices and by patterns: mean C·x̄ and variance C·s² of each column total", () => {
    const data = clustersOf(rows, 200);
    // Column 0 over clusters: 1, 0, 0, 2 repeating → mean 0.75, population variance 0.6875.
    const expectedMean = 200 * 0.75;
    const expectedVariance = 200 * 0.6875;
    for (const strategy of ["indices", "patterns"] as const) {
      const rounds = 4000;
      const totals = resampleClusterTotals(data, rounds, seededRandom(17), strategy);
      let sum = 0;
      let squares = 0;
      for (let round = 0; round < rounds; round++) {
        sum += totals[round * 4]!;
        squares += totals[round * 4]! ** 2;
      }
      const mean = sum / rounds;
      const variance = squares / rounds - mean * mean;
      expect(Math.abs(mean - expectedMean)).toBeLessThan(4 * Math.sqrt(expectedVariance / rounds));
      expect(variance / expectedVariance).toBeGreaterThan(0.9);
      expect(variance / expectedVariance).toBeLessThan(1.1);
    }
  });

  it("is reproducible with the same generator seed", () => {
    const data = clustersOf(rows, 37);
    expect(resampleClusterTotals(data, 20, seededRandom(8))).toEqual(
      resampleClusterTotals(data, 20, seededRandom(8)),
    );
    expect(resampleClusterTotals(data, 20, seededRandom(8))).not.toEqual(
      resampleClusterTotals(data, 20, seededRandom(9)),
    );
  });

  it("rejects counts that do not match clusters × columns", () => {
    expect(() =>
      resampleClusterTotals({ clusters: 3, columns: 4, counts: new Int32Array(8) }, 1, seededRandom(1)),
    ).toThrow(/expected 3 × 4/);
  });
});

describe("seedForKey", () => {
  it("depends on the seed and the key only", () => {
    expect(seedForKey(1, "a|b")).toBe(seedForKey(1, "a|b"));
    expect(seedForKey(1, "a|b")).not.toBe(seedForKey(2, "a|b"));
    expect(seedForKey(1, "a|b")).not.toBe(seedForKey(1, "a|c"));
  });
});
