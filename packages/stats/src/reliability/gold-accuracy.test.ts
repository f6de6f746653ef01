import { describe, expect, it } from "vitest";
import type { Outcome, PairwiseJudgment } from "../outcomes";
import { goldAccuracy } from "./gold-accuracy";

const judgment = (itemId: string, raterId: string, outcome: Outcome): PairwiseJudgment => ({
  itemId,
  promptId: "p",
  raterId,
  modelA: "m1",
  modelB: "m2",
  outcome,
  leftWasA: true,
});

describe("goldAccuracy", () => {
  const gold = new Map<string, Outcome | readonly Outcome[]>([
    ["g1", "A"],
    ["g2", ["B", "tie"]],
  ]);

  it("scores answers on gold items only, accepting any listed answer", () => {
    const rows = goldAccuracy(
      [
        judgment("g1", "x", "A"),
        judgment("g2", "x", "tie"),
        judgment("g1", "y", "B"),
        judgment("g2", "y", "bothBad"),
        judgment("other", "y", "A"),
        judgment("other", "z", "A"),
      ],
      gold,
    );
    expect(
      rows.map(({ raterId, correct, judged, accuracy }) => ({ raterId, correct, judged, accuracy })),
    ).toEqual([
      { raterId: "x", correct: 2, judged: 2, accuracy: 1 },
      { raterId: "y", correct: 0, judged: 2, accuracy: 0 },
    ]);
    // Wilson for 2/2: [0.3424, 1]; for 0/2: [0, 0.6576].
    expect(rows[0]!.interval).toMatchObject({ high: 1, method: "wilson" });
    expect(rows[0]!.interval.low).toBeCloseTo(0.3424, 4);
    expect(rows[1]!.interval.high).toBeCloseTo(0.6576, 4);
  });

  it("counts a corrected answer once, as the correction", () => {
    const rows = goldAccuracy([judgment("g1", "x", "B"), judgment("g1", "x", "A")], gold);
    expect(rows).toMatchObject([{ raterId: "x", correct: 1, judged: 1, accuracy: 1 }]);
  });

  it("lists nobody without gold judgments", () => {
    expect(goldAccuracy([judgment("other", "x", "A")], gold)).toEqual([]);
    expect(goldAccuracy([], new Map())).toEqual([]);
  });
});
