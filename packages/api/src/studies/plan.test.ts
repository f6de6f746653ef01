import { describe, expect, it } from "vitest";
import { modelPairs, pairOutputs, planComparisons, type PlanOutput } from "./plan";

const out = (id: string, modelId: string, promptId: string, seed = 0n): PlanOutput => ({
  id,
  modelId,
  promptId,
  seed,
});

describe("modelPairs", () => {
  it("lists every unordered pair once for all-pairs", () => {
    expect(modelPairs({ kind: "all-pairs" }, ["a", "b", "c"])).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["b", "c"],
    ]);
  });
  it("puts each model against the baseline, the baseline always second", () => {
    expect(modelPairs({ kind: "baseline", baselineModelId: "b" }, ["a", "b", "c"])).toEqual([
      ["a", "b"],
      ["c", "b"],
    ]);
  });
});

describe("pairOutputs", () => {
  it("pairs equal seeds first, then the rest in seed order", () => {
    const a = [out("a1", "A", "p", 1n), out("a7", "A", "p", 7n), out("a9", "A", "p", 9n)];
    const b = [out("b2", "B", "p", 2n), out("b7", "B", "p", 7n)];
    expect(pairOutputs(a, b).map(([x, y]) => `${x.id}-${y.id}`)).toEqual(["a7-b7", "a1-b2"]);
  });
});

describe("planComparisons", () => {
  it("compares every pair on every prompt and reports the missing cells", () => {
    const outputs = [
      out("a1", "A", "p1"),
      out("b1", "B", "p1"),
      out("c1", "C", "p1"),
      out("a2", "A", "p2"),
      out("b2", "B", "p2"),
    ];
    const result = planComparisons({
      plan: { kind: "all-pairs" },
      modelIds: ["A", "B", "C"],
      promptIds: ["p1", "p2"],
      outputs,
    });
    expect(result.comparisons).toEqual([
      { promptId: "p1", outputAId: "a1", outputBId: "b1" },
      { promptId: "p1", outputAId: "a1", outputBId: "c1" },
      { promptId: "p1", outputAId: "b1", outputBId: "c1" },
      { promptId: "p2", outputAId: "a2", outputBId: "b2" },
    ]);
    expect(result.missing).toEqual([{ promptId: "p2", modelId: "C" }]);
  });
});
