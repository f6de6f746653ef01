import { describe, expect, it } from "vitest";
import { agreementWithMajority } from "./majority-agreement";
import type { RatingUnit } from "./units";

/** A unit from "rater:value" pairs. */
const unit = (unitId: string, ...answers: string[]): RatingUnit<string> => ({
  unitId,
  values: answers.map((a) => {
    const [raterId, value] = a.split(":") as [string, string];
    return { raterId, value };
  }),
});

const byRater = (rows: ReturnType<typeof agreementWithMajority>) =>
  Object.fromEntries(rows.map((r) => [r.raterId, r]));

describe("agreementWithMajority", () => {
  it("compares each rater with the majority of the others, leaving the rater out", () => {
    const rows = byRater(
      agreementWithMajority([unit("u1", "x:A", "y:A", "z:B"), unit("u2", "x:B", "y:A", "z:A")]),
    );
    // u1: x vs {y:A, z:B} → no majority; y vs {x:A, z:B} → none; z vs {x:A, y:A} → A, z disagrees.
    // u2: x vs {A, A} → A, x disagrees; y vs {x:B, z:A} → none; z vs {x:B, y:A} → none.
    expect(rows.x).toMatchObject({ agreed: 0, compared: 1, noMajority: 1, rate: 0 });
    expect(rows.y).toMatchObject({ agreed: 0, compared: 0, noMajority: 2, rate: null, interval: null });
    expect(rows.z).toMatchObject({ agreed: 0, compared: 1, noMajority: 1, rate: 0 });
  });

  it("does not let a rater's own answer make the majority", () => {
    // Counting x's own "B", the unit {B, A, A, B} has no majority; leaving x out, {A, A, B}: A.
    const rows = byRater(agreementWithMajority([unit("u", "x:B", "y:A", "z:A", "w:B")]));
    expect(rows.x).toMatchObject({ agreed: 0, compared: 1 });
    // Everyone's others are 2-to-1 against them: nobody agrees.
    for (const r of ["x", "y", "z", "w"]) expect(rows[r]!.agreed).toBe(0);
  });

  it("with two raters compares each with the other", () => {
    const rows = byRater(agreementWithMajority([unit("1", "x:A", "y:A"), unit("2", "x:A", "y:tie")]));
    expect(rows.x).toMatchObject({ agreed: 1, compared: 2, rate: 0.5 });
    expect(rows.y).toMatchObject({ agreed: 1, compared: 2, rate: 0.5 });
    expect(rows.x!.interval!.method).toBe("wilson");
    expect(rows.x!.interval!.low).toBeLessThan(0.5);
    expect(rows.x!.interval!.high).toBeGreaterThan(0.5);
  });

  it("plurality takes the most common answer; absolute needs more than half", () => {
    const units = [unit("u", "x:A", "a:A", "b:A", "c:B", "d:tie")];
    // x's others: {A, A, B, tie}: plurality A (2 of 4), but not more than half.
    expect(byRater(agreementWithMajority(units)).x).toMatchObject({ agreed: 1, compared: 1 });
    expect(byRater(agreementWithMajority(units, { rule: "absolute" })).x).toMatchObject({
      compared: 0,
      noMajority: 1,
      rate: null,
    });
  });

  it("skips units nobody else rated and lists every rater, with no NaN", () => {
    const rows = agreementWithMajority([unit("1", "x:A"), unit("2", "y:bothBad"), unit("3")]);
    expect(rows).toEqual([
      { raterId: "x", agreed: 0, compared: 0, noMajority: 0, rate: null, interval: null },
      { raterId: "y", agreed: 0, compared: 0, noMajority: 0, rate: null, interval: null },
    ]);
    expect(agreementWithMajority([])).toEqual([]);
  });

  it("a rater who only answered 'both bad' is scored like any other", () => {
    const rows = byRater(
      agreementWithMajority([unit("1", "x:bothBad", "y:A", "z:A"), unit("2", "x:bothBad", "y:B", "z:B")]),
    );
    expect(rows.x).toMatchObject({ agreed: 0, compared: 2, rate: 0 });
    expect(rows.x!.interval!.low).toBe(0);
  });
});
