import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "./krippendorff";
import { PREFERENCE_ORDER, toOutcomeUnits, type RatingUnit } from "./units";
import type { Outcome, PairwiseJudgment } from "../outcomes";

/** Units from a raters × units table, null for a missing value. */
function fromTable<V extends string | number>(table: Record<string, (V | null)[]>): RatingUnit<V>[] {
  const width = Math.max(...Object.values(table).map((row) => row.length));
  return Array.from({ length: width }, (_, u) => ({
    unitId: `u${u + 1}`,
    values: Object.entries(table).flatMap(([raterId, row]) => {
      const value = row[u];
      return value === null || value === undefined ? [] : [{ raterId, value }];
    }),
  }));
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": the worked example of 4
// observers on 12 units with missing values (values 1–5). The paper gives α = 0.743 (nominal), 0.815
// (ordinal), 0.849 (interval). Cross-checked independently, by pairs of values rather than the
// coincidence matrix, in exact fractions (Python, fractions.Fraction):
//   D_o = Σ_u 1/(m_u−1) Σ_{i≠j∈u} δ²(v_i, v_j) / n,  D_e = Σ_{i≠j} δ²(v_i, v_j) / (n(n−1))
// giving nominal 113/152 = 0.743421…, ordinal 108577/133160 = 0.815387…, interval 951/1120.
const paper = fromTable<number>({
  A: [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  B: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  C: [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  D: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
});

describe("krippendorffAlpha", () => {
  it("reproduces Krippendorff (2011)'s worked example", () => {
    const nominal = krippendorffAlpha(paper, { level: "nominal" });
    expect(nominal.alpha).toBeCloseTo(113 / 152, 12);
    expect(nominal.alpha).toBeCloseTo(0.743, 3);
    // Unit 12 has a single value: not pairable, so n = 40 values in 11 units.
    expect(nominal).toMatchObject({ pairableValues: 40, units: 11, unpairedUnits: 1, excludedValues: 0 });

    const ordinal = krippendorffAlpha(paper, { level: "ordinal" });
    expect(ordinal.alpha).toBeCloseTo(108577 / 133160, 12);
    expect(ordinal.alpha).toBeCloseTo(0.815, 3);

    const interval = krippendorffAlpha(paper, { level: "interval" });
    expect(interval.alpha).toBeCloseTo(951 / 1120, 12);
    expect(interval.alpha).toBeCloseTo(0.849, 3);
  });

  it("takes an explicit order, and ranks (not labels' values) are what ordinal alpha sees", () => {
    const labels = ["one", "two", "three", "four", "five"] as const;
    const relabelled = paper.map((u) => ({
      ...u,
      values: u.values.map((v) => ({ raterId: v.raterId, value: labels[v.value - 1]! })),
    }));
    const ordinal = krippendorffAlpha(relabelled, { level: "ordinal", order: labels });
    expect(ordinal.alpha).toBeCloseTo(108577 / 133160, 12);
    // Unused scale points change nothing (their n_g is 0).
    const wider = krippendorffAlpha(paper, { level: "ordinal", order: [0, 1, 2, 3, 4, 5, 6] });
    expect(wider.alpha).toBeCloseTo(108577 / 133160, 12);
    expect(() => krippendorffAlpha(relabelled, { level: "ordinal" })).toThrow(TypeError);
  });

  it("is 1 for perfect agreement and negative for systematic disagreement", () => {
    const perfect: RatingUnit<string>[] = [
      {
        unitId: "1",
        values: [
          { raterId: "r1", value: "A" },
          { raterId: "r2", value: "A" },
        ],
      },
      {
        unitId: "2",
        values: [
          { raterId: "r1", value: "B" },
          { raterId: "r2", value: "B" },
        ],
      },
    ];
    expect(krippendorffAlpha(perfect, { level: "nominal" }).alpha).toBe(1);
    const opposite: RatingUnit<string>[] = [
      {
        unitId: "1",
        values: [
          { raterId: "r1", value: "A" },
          { raterId: "r2", value: "B" },
        ],
      },
      {
        unitId: "2",
        values: [
          { raterId: "r1", value: "B" },
          { raterId: "r2", value: "A" },
        ],
      },
    ];
    // D_o = 1, D_e = (2·2·2)/(4·3) = 2/3 → α = 1 − 3/2 = −0.5.
    expect(krippendorffAlpha(opposite, { level: "nominal" }).alpha).toBeCloseTo(-0.5, 12);
  });

  it("leaves 'both bad' out of the preference order, counted", () => {
    const j = (itemId: string, raterId: string, outcome: Outcome): PairwiseJudgment => ({
      itemId,
      promptId: "p",
      raterId,
      modelA: "m1",
      modelB: "m2",
      outcome,
      leftWasA: true,
    });
    const units = toOutcomeUnits([
      j("i1", "r1", "A"),
      j("i1", "r2", "A"),
      j("i1", "r3", "bothBad"),
      j("i2", "r1", "B"),
      j("i2", "r2", "tie"),
      j("i3", "r1", "bothBad"),
      j("i3", "r2", "tie"),
    ]);
    const ordinal = krippendorffAlpha(units, { level: "ordinal", order: PREFERENCE_ORDER });
    expect(ordinal).toMatchObject({ excludedValues: 2, units: 2, unpairedUnits: 1, pairableValues: 4 });
    // The same as rating i1 = [A, A], i2 = [B, tie] alone.
    const same = krippendorffAlpha(
      [
        {
          unitId: "i1",
          values: [
            { raterId: "r1", value: "A" },
            { raterId: "r2", value: "A" },
          ],
        },
        {
          unitId: "i2",
          values: [
            { raterId: "r1", value: "B" },
            { raterId: "r2", value: "tie" },
          ],
        },
      ],
      { level: "ordinal", order: PREFERENCE_ORDER },
    );
    expect(ordinal.alpha).toBe(same.alpha);
    // Nominal alpha keeps all four answers.
    expect(krippendorffAlpha(units, { level: "nominal" })).toMatchObject({
      excludedValues: 0,
      pairableValues: 7,
    });
  });

  describe("bad input gives null with a reason, never NaN or Infinity", () => {
    const finiteOrNull = (x: number | null) => x === null || Number.isFinite(x);

    it("no data", () => {
      for (const level of ["nominal", "ordinal", "interval"] as const) {
        const r = krippendorffAlpha<number>([], { level });
        expect(r).toMatchObject({ alpha: null, reason: "no-pairable-values", pairableValues: 0, units: 0 });
      }
    });

    it("every item rated once", () => {
      const single: RatingUnit<string>[] = [
        { unitId: "1", values: [{ raterId: "r1", value: "A" }] },
        { unitId: "2", values: [{ raterId: "r2", value: "B" }] },
        { unitId: "3", values: [] },
      ];
      const r = krippendorffAlpha(single, { level: "nominal" });
      expect(r).toMatchObject({ alpha: null, reason: "no-pairable-values", unpairedUnits: 3 });
    });

    it("all answers identical (D_e = 0)", () => {
      const same: RatingUnit<string>[] = [
        {
          unitId: "1",
          values: [
            { raterId: "r1", value: "tie" },
            { raterId: "r2", value: "tie" },
          ],
        },
        {
          unitId: "2",
          values: [
            { raterId: "r1", value: "tie" },
            { raterId: "r3", value: "tie" },
          ],
        },
      ];
      for (const level of ["nominal", "ordinal"] as const) {
        const r = krippendorffAlpha(
          same,
          level === "nominal" ? { level } : { level, order: PREFERENCE_ORDER },
        );
        expect(r).toMatchObject({ alpha: null, reason: "no-variation", observedDisagreement: null });
      }
    });

    it("a rater who answered only 'both bad' on the ordinal scale", () => {
      const units: RatingUnit<Outcome>[] = [
        {
          unitId: "1",
          values: [
            { raterId: "r1", value: "bothBad" },
            { raterId: "r2", value: "A" },
          ],
        },
        {
          unitId: "2",
          values: [
            { raterId: "r1", value: "bothBad" },
            { raterId: "r2", value: "B" },
          ],
        },
      ];
      const r = krippendorffAlpha(units, { level: "ordinal", order: PREFERENCE_ORDER });
      expect(r).toMatchObject({ alpha: null, reason: "no-pairable-values", excludedValues: 2 });
      const nominal = krippendorffAlpha(units, { level: "nominal" });
      expect(finiteOrNull(nominal.alpha)).toBe(true);
      expect(nominal.alpha).not.toBeNull();
    });

    it("rejects values that are not finite numbers, and a repeated order", () => {
      const nan: RatingUnit<number>[] = [{ unitId: "1", values: [{ raterId: "r1", value: Number.NaN }] }];
      expect(() => krippendorffAlpha(nan, { level: "interval" })).toThrow(RangeError);
      expect(() => krippendorffAlpha(paper, { level: "ordinal", order: [1, 2, 2, 3] })).toThrow(RangeError);
    });
  });
});
