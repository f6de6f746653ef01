import { describe, expect, it } from "vitest";
import type { Outcome, PairwiseJudgment } from "../outcomes";
import { toOutcomeUnits } from "./units";

const judgment = (itemId: string, raterId: string, outcome: Outcome): PairwiseJudgment => ({
  itemId,
  promptId: "p",
  raterId,
  modelA: "m1",
  modelB: "m2",
  outcome,
  leftWasA: false,
});

describe("toOutcomeUnits", () => {
  it("groups judgments by item, one answer per rater, the last one winning", () => {
    expect(
      toOutcomeUnits([
        judgment("i1", "x", "A"),
        judgment("i2", "x", "tie"),
        judgment("i1", "y", "B"),
        judgment("i1", "x", "bothBad"), // x corrects the answer on i1
      ]),
    ).toEqual([
      {
        unitId: "i1",
        values: [
          { raterId: "y", value: "B" },
          { raterId: "x", value: "bothBad" },
        ],
      },
      { unitId: "i2", values: [{ raterId: "x", value: "tie" }] },
    ]);
    expect(toOutcomeUnits([])).toEqual([]);
  });
});
