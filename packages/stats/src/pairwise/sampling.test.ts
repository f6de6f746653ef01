import { describe, expect, it } from "vitest";
import { seededRandom } from "../random";
import { dirichletDraw, gammaDraw } from "./sampling";

describe("gammaDraw and dirichletDraw", () => {
  it("have the right means and sum to one", () => {
    const random = seededRandom(9);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += gammaDraw(random, 3.5);
    expect(sum / 20_000).toBeCloseTo(3.5, 1);
    const mean = [0, 0, 0];
    for (let i = 0; i < 5000; i++) {
      const p = dirichletDraw(random, [2, 3, 5]);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      p.forEach((x, k) => (mean[k]! += x / 5000));
    }
    expect(mean[0]).toBeCloseTo(0.2, 2);
    expect(mean[2]).toBeCloseTo(0.5, 2);
    expect(() => gammaDraw(random, 0.5)).toThrow(RangeError);
  });
});
