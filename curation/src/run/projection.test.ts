import { describe, expect, it } from "vitest";
import { configure } from "../stages/stage";
import { blurStage, resolutionStage } from "../stages";
import { FunnelProjection, projectDecision } from "./projection";
import { LowestIdSample, ScoreHistograms, ScoreRanges } from "./insights";

const stages = (minSharpness: number, minShortSide = 0) => [
  configure(resolutionStage, { minShortSide }),
  configure(blurStage, { minSharpness }),
];
const item = (itemId: string, sharpness: number, shortSide = 100) => ({
  itemId,
  status: "kept" as const,
  firstFailingStage: null,
  reason: null,
  scores: {
    "resolution.width": shortSide,
    "resolution.height": shortSide,
    "resolution.shortSide": shortSide,
    "resolution.aspect": 1,
    "blur.sharpness": sharpness,
  },
  labels: {},
});

describe("projectDecision", () => {
  it("judges recorded measurements under new thresholds, first failing stage first", () => {
    expect(projectDecision(item("a", 50), stages(100))).toMatchObject({
      status: "dropped",
      firstFailingStage: "blur",
    });
    expect(projectDecision(item("a", 50), stages(40))).toMatchObject({ status: "kept" });
    expect(projectDecision(item("a", 50, 10), stages(100, 64))).toMatchObject({
      firstFailingStage: "resolution",
      reason: "short side 10 px, below 64",
    });
  });

  it("leaves errors as they were, and drops what a stage never measured", () => {
    const error = {
      ...item("e", 0),
      status: "error" as const,
      firstFailingStage: "decode",
      reason: "truncated",
    };
    expect(projectDecision(error, stages(0))).toEqual({
      status: "error",
      firstFailingStage: "decode",
      reason: "truncated",
    });
    const unmeasured = { ...item("u", 0), scores: { "resolution.width": 1 } };
    expect(projectDecision(unmeasured, stages(0)).reason).toBe("resolution not measured");
  });
});

describe("FunnelProjection", () => {
  it("removes a near-duplicate only while the item its cluster kept is still kept", () => {
    const duplicates = new Map([
      ["b", "a"],
      ["d", "c"],
    ]);
    const items = [item("a", 500), item("b", 500), item("c", 50), item("d", 500)];
    const run = (minSharpness: number) => {
      const p = new FunnelProjection(stages(minSharpness), duplicates);
      for (const i of items) p.add(i);
      return p.funnel().map((s) => [s.stage, s.dropped, s.remaining]);
    };
    // c is dropped by blur at 100, so d (its near-duplicate) is kept: an upper bound on survivors.
    expect(run(100)).toEqual([
      ["resolution", 0, 4],
      ["blur", 1, 3],
      ["dedup", 1, 2],
    ]);
    expect(run(10)).toEqual([
      ["resolution", 0, 4],
      ["blur", 0, 4],
      ["dedup", 2, 2],
    ]);
  });
});

describe("insights", () => {
  it("histograms every score over its range, the maximum in the last bin", () => {
    const decisions = [1, 2, 3, 4, 5, 10].map((v) => ({ scores: { "blur.sharpness": v } }));
    const ranges = new ScoreRanges();
    decisions.forEach((d) => ranges.observe(d));
    const h = new ScoreHistograms(ranges.ranges, 3);
    decisions.forEach((d) => h.add(d));
    expect(h.result()).toEqual([{ column: "blur.sharpness", min: 1, max: 10, counts: [3, 2, 1], n: 6 }]);
  });

  it("samples the k lowest ids, whatever order they come in", () => {
    const s = new LowestIdSample<{ itemId: string }>(3);
    for (const id of ["m", "c", "x", "a", "q", "b"]) s.offer({ itemId: id });
    expect(s.result().map((i) => i.itemId)).toEqual(["a", "b", "c"]);
  });
});
