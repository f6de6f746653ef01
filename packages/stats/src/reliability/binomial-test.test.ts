import { describe, expect, it } from "vitest";
import { binomialLogProbability, binomialTestTwoSided } from "./binomial-test";

// Reference p-values: scipy 1.17.1, `scipy.stats.binomtest(k, n, p).pvalue`, printed with repr:
//
//   from scipy.stats import binomtest
//   for k, n, p in cases:
//       print(f"[{k}, {n}, {p}, {binomtest(k, n, p).pvalue!r}],")
//
// For p = ½ the large cases were also checked exactly (Python integers: 2·Σ_{i≤min(k,n−k)} C(n,i)
// / 2ⁿ, printed with mpmath at 30 digits): 48500/100000 → 2.4384264313434573e-21,
// 49000/100000 → 2.588716038346898e-10, 200/1000 → 1.6449987355774903e-85,
// 497000/1000000 → 1.9851497639230208e-9 — scipy agrees to 10⁻¹³ relative.
const SCIPY: [k: number, n: number, p: number, pValue: number][] = [
  [7, 10, 0.5, 0.34375],
  [3, 10, 0.5, 0.34375],
  [0, 10, 0.5, 0.001953125],
  [10, 10, 0.5, 0.001953125],
  [5, 10, 0.5, 1.0],
  [1, 1, 0.5, 1.0],
  [0, 1, 0.5, 1.0],
  [3, 20, 0.3, 0.22041826738070913],
  [60, 100, 0.3, 9.12289322522928e-10],
  [2, 50, 0.1, 0.23387383994762567],
  [17, 30, 0.25, 0.00021569382609508157],
  [682, 1000, 0.7, 0.21431271150591547],
  [51, 100, 0.5, 0.9204107626128221],
  [49, 101, 0.5, 0.8423820985077438],
  [48500, 100000, 0.5, 2.438426431342945e-21],
  [49800, 100000, 0.5, 0.2070389717642225],
  [49000, 100000, 0.5, 2.5887160383468943e-10],
  [50000, 100000, 0.5, 1.0],
  [50300, 100000, 0.5, 0.058197353110190364],
  [499000, 1000000, 0.5, 0.0456082998653896],
  [497000, 1000000, 0.5, 1.98514976392289e-9],
  [1000, 1000000, 0.001, 1.0],
  [300010, 1000000, 0.3, 0.9825901172724707],
  [0, 1000000, 0.5, 0.0],
  [200, 1000, 0.5, 1.6449987355774717e-85],
];

describe("binomialTestTwoSided", () => {
  it.each(SCIPY)("k=%d n=%d p=%d matches scipy.stats.binomtest", (k, n, p, expected) => {
    const got = binomialTestTwoSided(k, n, p);
    if (expected === 0 || expected === 1) expect(got).toBe(expected);
    else expect(Math.abs(got - expected) / expected).toBeLessThan(1e-11);
  });

  it("matches the exact values to 10⁻¹² (closer than scipy)", () => {
    const exact: [number, number, number][] = [
      [48500, 100000, 2.4384264313434573e-21],
      [49000, 100000, 2.588716038346898e-10],
      [200, 1000, 1.6449987355774903e-85],
      [497000, 1000000, 1.9851497639230208e-9],
    ];
    for (const [k, n, expected] of exact)
      expect(Math.abs(binomialTestTwoSided(k, n) - expected) / expected).toBeLessThan(1e-12);
  });

  it("is symmetric for p = ½ and never above 1", () => {
    for (const [k, n] of [
      [3, 17],
      [40, 90],
      [123456, 250001],
    ] as const) {
      expect(binomialTestTwoSided(k, n)).toBeCloseTo(binomialTestTwoSided(n - k, n), 12);
      expect(binomialTestTwoSided(k, n)).toBeLessThanOrEqual(1);
    }
  });

  it("handles p = 0 and p = 1, and n = 0", () => {
    expect(binomialTestTwoSided(0, 5, 0)).toBe(1);
    expect(binomialTestTwoSided(1, 5, 0)).toBe(0);
    expect(binomialTestTwoSided(5, 5, 1)).toBe(1);
    expect(binomialTestTwoSided(4, 5, 1)).toBe(0);
    expect(binomialTestTwoSided(0, 0)).toBe(1);
  });

  it("rejects impossible arguments with a clear error", () => {
    expect(() => binomialTestTwoSided(3, 2)).toThrow(RangeError);
    expect(() => binomialTestTwoSided(-1, 2)).toThrow(RangeError);
    expect(() => binomialTestTwoSided(1.5, 2)).toThrow(RangeError);
    expect(() => binomialTestTwoSided(1, 2, 1.5)).toThrow(RangeError);
    expect(() => binomialTestTwoSided(1, 2, Number.NaN)).toThrow(RangeError);
  });

  it("is fast at n = 10⁶", () => {
    const start = performance.now();
    for (let k = 499000; k < 501000; k += 100) binomialTestTwoSided(k, 1_000_000);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe("binomialLogProbability", () => {
  it("matches exact probabilities", () => {
    // C(10, 3) / 2¹⁰ = 120/1024; C(20, 3)·0.3³·0.7¹⁷ = 0.0716036722052623146 (mpmath, 30 digits;
    // scipy.stats.binom.pmf(3, 20, 0.3) = 0.0716036722052621).
    expect(Math.exp(binomialLogProbability(3, 10, 0.5))).toBeCloseTo(120 / 1024, 15);
    expect(Math.exp(binomialLogProbability(3, 20, 0.3)) / 0.0716036722052621).toBeCloseTo(1, 13);
    expect(binomialLogProbability(11, 10, 0.5)).toBe(-Infinity);
    // The central term of Binomial(10⁶, ½): scipy.stats.binom.pmf(500000, 1000000, 0.5)
    // = 0.0007978843613317499; mpmath, C(10⁶, 5·10⁵)/2¹⁰⁰⁰⁰⁰⁰ at 30 digits: 0.00079788436133175009.
    expect(Math.exp(binomialLogProbability(500000, 1_000_000, 0.5)) / 0.0007978843613317499).toBeCloseTo(
      1,
      12,
    );
  });
});
