import { describe, expect, it } from "vitest";
import type { Outcome, PairwiseJudgment } from "../outcomes";
import { flipOutcome, pairKey, tallyPairs, totalOf } from "./tally";

let next = 0;
function judgment(modelA: string, modelB: string, outcome: Outcome, promptId = "p1"): PairwiseJudgment {
  next++;
  return {
    itemId: `i${next}`,
    promptId,
    raterId: `r${next}`,
    modelA,
    modelB,
    outcome,
    leftWasA: next % 2 === 0,
  };
}

describe("tallyPairs", () => {
  it("counts each outcome in canonical orientation, flipping judgments stored the other way", () => {
    const counts = tallyPairs([
      judgment("alpha", "beta", "A"),
      judgment("alpha", "beta", "A"),
      judgment("alpha", "beta", "tie"),
      // Stored as beta vs alpha: "A" means beta won, so it is a B win of (alpha, beta).
      judgment("beta", "alpha", "A"),
      judgment("beta", "alpha", "bothBad"),
      judgment("beta", "alpha", "tie"),
      judgment("beta", "alpha", "B"),
    ]);
    expect(counts).toEqual([{ modelA: "alpha", modelB: "beta", aWins: 3, bWins: 1, ties: 2, bothBad: 1 }]);
    expect(totalOf(counts[0]!)).toBe(7);
  });

  it("keeps pairs apart and sorts them by modelA, then modelB (code-unit order)", () => {
    const counts = tallyPairs([
      judgment("c", "a", "A"),
      judgment("b", "a", "B"),
      judgment("a", "B", "A"), // "B" < "a" in code units
      judgment("b", "c", "tie"),
    ]);
    expect(counts.map((pair) => `${pair.modelA}|${pair.modelB}`)).toEqual(["B|a", "a|b", "a|c", "b|c"]);
    expect(counts[0]).toMatchObject({ aWins: 0, bWins: 1 });
    expect(counts[1]).toMatchObject({ aWins: 1, bWins: 0 });
    expect(counts[2]).toMatchObject({ aWins: 0, bWins: 1 });
    expect(counts[3]).toMatchObject({ ties: 1 });
  });

  it("returns nothing for no judgments, keeps a model against itself as its own pair, rejects unknown outcomes", () => {
    expect(tallyPairs([])).toEqual([]);
    expect(tallyPairs([judgment("a", "a", "A")])).toEqual([
      { modelA: "a", modelB: "a", aWins: 1, bWins: 0, ties: 0, bothBad: 0 },
    ]);
    expect(() => tallyPairs([judgment("a", "b", "win" as Outcome)])).toThrow(/unknown outcome "win"/);
  });
});

describe("pairKey and flipOutcome", () => {
  it("key the unordered pair and swap only A and B", () => {
    expect(pairKey("veo", "sora")).toBe("sora|veo");
    expect(pairKey("sora", "veo")).toBe("sora|veo");
    expect(["A", "B", "tie", "bothBad"].map((o) => flipOutcome(o as Outcome))).toEqual([
      "B",
      "A",
      "tie",
      "bothBad",
    ]);
  });
});
