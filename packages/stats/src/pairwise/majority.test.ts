import { describe, expect, it } from "vitest";
import type { Outcome, PairwiseJudgment } from "../outcomes";
import { majorityPerItem } from "./majority";

function votes(
  itemId: string,
  outcomes: Outcome[],
  models: [string, string] = ["a", "b"],
): PairwiseJudgment[] {
  return outcomes.map((outcome, rater) => ({
    itemId,
    promptId: `prompt-${itemId}`,
    raterId: `r${rater}`,
    modelA: models[0],
    modelB: models[1],
    outcome,
    leftWasA: rater === 0,
  }));
}

const outcomeOf = (outcomes: Outcome[]) => majorityPerItem(votes("x", outcomes))[0]!.outcome;

describe("majorityPerItem", () => {
  it("takes the outcome most raters chose", () => {
    expect(outcomeOf(["A", "A", "B"])).toBe("A");
    expect(outcomeOf(["B", "tie", "B"])).toBe("B");
    expect(outcomeOf(["bothBad", "bothBad", "A", "B", "tie"])).toBe("bothBad");
    expect(outcomeOf(["tie"])).toBe("tie");
  });

  it("calls a shared top count a tie", () => {
    expect(outcomeOf(["A", "B"])).toBe("tie");
    expect(outcomeOf(["A", "A", "B", "B"])).toBe("tie");
    expect(outcomeOf(["A", "B", "bothBad"])).toBe("tie");
    expect(outcomeOf(["A", "A", "bothBad", "bothBad", "B"])).toBe("tie");
  });

  it("returns one judgment per item in order of first appearance, with the first judgment's fields", () => {
    const judgments = [...votes("2", ["B", "B", "A"]), ...votes("1", ["A", "A", "A", "B"])];
    const majority = majorityPerItem(judgments);
    expect(majority).toEqual([
      {
        itemId: "2",
        promptId: "prompt-2",
        raterId: "majority",
        modelA: "a",
        modelB: "b",
        outcome: "B",
        leftWasA: true,
        raters: 3,
      },
      {
        itemId: "1",
        promptId: "prompt-1",
        raterId: "majority",
        modelA: "a",
        modelB: "b",
        outcome: "A",
        leftWasA: true,
        raters: 4,
      },
    ]);
    expect(majorityPerItem([])).toEqual([]);
  });

  it("flips a judgment stored with the models swapped into the item's orientation", () => {
    const judgments = [...votes("x", ["A"]), ...votes("x", ["B", "B"], ["b", "a"])];
    // b-vs-a "B" means a won: three votes for A.
    expect(majorityPerItem(judgments)[0]).toMatchObject({
      modelA: "a",
      modelB: "b",
      outcome: "A",
      raters: 3,
    });
  });

  it("rejects an item whose judgments disagree about its models or prompt", () => {
    expect(() => majorityPerItem([...votes("x", ["A"]), ...votes("x", ["A"], ["a", "c"])])).toThrow(/item x/);
    const otherPrompt = { ...votes("x", ["A"])[0]!, promptId: "elsewhere" };
    expect(() => majorityPerItem([...votes("x", ["A"]), otherPrompt])).toThrow(
      /prompts prompt-x and elsewhere/,
    );
  });
});
