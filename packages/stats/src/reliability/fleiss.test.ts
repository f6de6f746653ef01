import { describe, expect, it } from "vitest";
import { fleissKappa } from "./fleiss";
import { krippendorffAlpha } from "./krippendorff";
import type { RatingUnit } from "./units";

/** Units from category counts per subject (n_ij), raters numbered within each unit. */
function fromCounts(categories: readonly string[], rows: number[][]): RatingUnit<string>[] {
  return rows.map((row, i) => ({
    unitId: `s${i + 1}`,
    values: row
      .flatMap((nij, j) => Array.from({ length: nij }, () => categories[j]!))
      .map((value, r) => ({
        raterId: `r${r + 1}`,
        value,
      })),
  }));
}

const lists = (rows: string[]): RatingUnit<string>[] =>
  rows.map((row, i) => ({
    unitId: `u${i + 1}`,
    values: [...row].map((value, r) => ({ raterId: `r${r + 1}`, value })),
  }));

// Fleiss' kappa worked example from Wikipedia ("Fleiss' kappa", Worked example): 10 subjects,
// 14 raters each, 5 categories. Wikipedia: P̄ = 0.378, P̄_e = 0.213, κ = 0.210. numpy gives
// P̄ = 0.378021978…, P̄_e = 0.212755102…, κ = 0.209930704…
const wikipedia = fromCounts(
  ["1", "2", "3", "4", "5"],
  [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ],
);

describe("fleissKappa", () => {
  it("reproduces the Fleiss (1971) worked example on Wikipedia", () => {
    const r = fleissKappa(wikipedia);
    expect(r.kappa).toBeCloseTo(0.20993070442195522, 12);
    expect(r.kappa).toBeCloseTo(0.21, 3);
    expect(r.observedAgreement).toBeCloseTo(0.378021978021978, 12);
    expect(r.chanceAgreement).toBeCloseTo(0.21275510204081632, 12);
    expect(r).toMatchObject({
      units: 10,
      unpairedUnits: 0,
      raters: 14,
      ratingsPerUnit: { min: 14, max: 14 },
    });
  });

  it("generalises to varying raters per unit as Gwet / irrCAC's fleiss.kappa.raw", () => {
    // Independent exact computation (Python, fractions.Fraction) of Gwet's formulas: P̄ over
    // units with ≥ 2 ratings, p_j = mean of n_ij/n_i over all rated units (the single "b" too):
    //   P̄ = 11/30, P̄_e = 955/2592, κ = −23/8185.
    const r = fleissKappa(lists(["aab", "aa", "bbbc", "ca", "b", "abc"]));
    expect(r.observedAgreement).toBeCloseTo(11 / 30, 14);
    expect(r.chanceAgreement).toBeCloseTo(955 / 2592, 14);
    expect(r.kappa).toBeCloseTo(-23 / 8185, 14);
    expect(r).toMatchObject({ units: 5, unpairedUnits: 1, ratingsPerUnit: { min: 2, max: 4 } });
  });

  it("is close to nominal alpha on the same data, as it should be for many units", () => {
    // Nominal α and κ differ by α's small-sample correction, of order 1/n (n = 140 ratings here).
    const alpha = krippendorffAlpha(wikipedia, { level: "nominal" }).alpha!;
    expect(Math.abs(alpha - fleissKappa(wikipedia).kappa!)).toBeLessThan(0.01);
  });

  it("leaves values outside `categories` out, counted", () => {
    const r = fleissKappa(lists(["aab", "aaz", "bb"]), ["a", "b"]);
    expect(r).toMatchObject({ excludedValues: 1, units: 3 });
    expect(r.kappa).toBeCloseTo(fleissKappa(lists(["aab", "aa", "bb"])).kappa!, 14);
  });

  describe("bad input gives null with a reason, never NaN or Infinity", () => {
    it("no data", () => {
      expect(fleissKappa([])).toMatchObject({
        kappa: null,
        reason: "no-pairable-values",
        units: 0,
        raters: 0,
      });
    });
    it("every unit rated once", () => {
      expect(fleissKappa(lists(["a", "b", ""]))).toMatchObject({
        kappa: null,
        reason: "no-pairable-values",
        unpairedUnits: 2,
        ratingsPerUnit: null,
      });
    });
    it("every answer the same", () => {
      expect(fleissKappa(lists(["aaa", "aa"]))).toMatchObject({
        kappa: null,
        reason: "no-variation",
        observedAgreement: null,
        chanceAgreement: null,
      });
    });
    it("a rater who only answered 'both bad' still yields a number when others vary", () => {
      const units: RatingUnit<string>[] = [
        {
          unitId: "1",
          values: [
            { raterId: "x", value: "bothBad" },
            { raterId: "y", value: "A" },
          ],
        },
        {
          unitId: "2",
          values: [
            { raterId: "x", value: "bothBad" },
            { raterId: "y", value: "B" },
          ],
        },
      ];
      const r = fleissKappa(units);
      expect(Number.isFinite(r.kappa)).toBe(true);
    });
  });
});
