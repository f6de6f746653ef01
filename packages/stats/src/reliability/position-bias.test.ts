import { describe, expect, it } from "vitest";
import type { Outcome, PairwiseJudgment } from "../outcomes";
import { positionBias, positionBiasByRater } from "./position-bias";

const judgment = (outcome: Outcome, leftWasA: boolean, raterId = "r"): PairwiseJudgment => ({
  itemId: "i",
  promptId: "p",
  raterId,
  modelA: "m1",
  modelB: "m2",
  outcome,
  leftWasA,
});
const times = (n: number, j: PairwiseJudgment) => Array.from({ length: n }, () => j);

describe("positionBias", () => {
  it("counts a win as left when the preferred output was shown on the left", () => {
    const r = positionBias([
      judgment("A", true), // A on the left, A preferred: left
      judgment("B", false), // B on the left, B preferred: left
      judgment("A", false), // A on the right: right
      judgment("B", true), // B on the right: right
      judgment("B", false), // left
      judgment("tie", true),
      judgment("bothBad", false),
    ]);
    expect(r).toMatchObject({ leftWins: 3, rightWins: 2, ties: 1, bothBad: 1, decisive: 5, leftShare: 0.6 });
    // scipy.stats.binomtest(3, 5, 0.5).pvalue = 1.0
    expect(r.pValue).toBe(1);
    expect(r.interval?.method).toBe("wilson");
  });

  it("tests the left share against ½ exactly", () => {
    // 70 of 100 decisive answers on the left. scipy.stats.binomtest(70, 100).pvalue
    // = 7.85013964559367e-05; the Wilson interval's formula evaluated in Python gives
    // (0.6041514536665332, 0.7810511470506724).
    const r = positionBias([
      ...times(40, judgment("A", true)),
      ...times(30, judgment("B", false)),
      ...times(30, judgment("A", false)),
    ]);
    expect(r).toMatchObject({ leftWins: 70, rightWins: 30, decisive: 100, leftShare: 0.7 });
    expect(r.pValue! / 7.85013964559367e-5).toBeCloseTo(1, 9);
    expect(r.interval!.low).toBeCloseTo(0.6041514536665332, 12);
    expect(r.interval!.high).toBeCloseTo(0.7810511470506724, 12);
  });

  it("has no share, interval or p-value without decisive answers — never NaN", () => {
    expect(positionBias([])).toEqual({
      leftWins: 0,
      rightWins: 0,
      ties: 0,
      bothBad: 0,
      decisive: 0,
      leftShare: null,
      interval: null,
      pValue: null,
    });
    expect(positionBias(times(4, judgment("bothBad", true)))).toMatchObject({
      bothBad: 4,
      leftShare: null,
      pValue: null,
    });
  });

  it("per rater finds the one who always clicks left", () => {
    const rows = positionBiasByRater([
      ...times(10, judgment("A", true, "clicker")),
      ...times(10, judgment("B", false, "clicker")),
      judgment("A", true, "fair"),
      judgment("A", false, "fair"),
    ]);
    expect(rows.map((r) => [r.raterId, r.leftShare])).toEqual([
      ["clicker", 1],
      ["fair", 0.5],
    ]);
    // scipy.stats.binomtest(20, 20).pvalue = 1.9073486328125e-06 (= 2 / 2²⁰)
    expect(rows[0]!.pValue).toBeCloseTo(2 / 2 ** 20, 15);
  });
});
