import { describe, expect, it } from "vitest";
import { seededRandom } from "./random";
import { binomial, lnFactorial } from "./random";

describe("binomial", () => {
  it("reproduces the Binomial(5, 0.3) pmf (inversion branch)", () => {
    // python3 -c "from scipy.stats import binom; print(binom.pmf(range(6), 5, 0.3))"
    const pmf = [0.16807, 0.36015, 0.3087, 0.1323, 0.02835, 0.00243];
    const random = seededRandom(11);
    const draws = 100_000;
    const seen = new Array<number>(6).fill(0);
    for (let i = 0; i < draws; i++) seen[binomial(random, 5, 0.3)]!++;
    // Each frequency within 4 standard errors of its probability.
    pmf.forEach((p, k) =>
      expect(Math.abs(seen[k]! / draws - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / draws)),
    );
  });

  it("has the binomial mean and variance in the rejection branch and for p > ½", () => {
    const random = seededRandom(5);
    for (const [n, p] of [
      [1000, 0.3],
      [200_000, 0.02],
      [500, 0.9],
    ] as const) {
      const draws = 20_000;
      let sum = 0;
      let squares = 0;
      let outside = 0;
      for (let i = 0; i < draws; i++) {
        const k = binomial(random, n, p);
        if (!(k >= 0 && k <= n && Number.isInteger(k))) outside++;
        sum += k;
        squares += k * k;
      }
      expect(outside).toBe(0);
      const mean = sum / draws;
      const variance = squares / draws - mean * mean;
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(draws));
      expect(variance / (sd * sd)).toBeGreaterThan(0.95);
      expect(variance / (sd * sd)).toBeLessThan(1.05);
    }
  });

  it("handles the edges", () => {
    const random = seededRandom(1);
    expect(binomial(random, 0, 0.5)).toBe(0);
    expect(binomial(random, 10, 0)).toBe(0);
    expect(binomial(random, 10, 1)).toBe(10);
  });
});

describe("lnFactorial", () => {
  it("is exact in the table and continuous into Stirling's series", () => {
    expect(lnFactorial(0)).toBe(0);
    expect(lnFactorial(5)).toBeCloseTo(Math.log(120), 12);
    let direct = 0;
    for (let k = 1; k <= 300; k++) direct += Math.log(k);
    expect(lnFactorial(300)).toBeCloseTo(direct, 9);
  });
});
