import { describe, expect, it } from "vitest";
import { parsePipeline } from "./pipeline-definition";
import { resolveStageModels } from "./stage-models";

const definition = (stages: object[]) =>
  parsePipeline({ name: "x", source: { kind: "folder", root: "/data" }, stages }).definition;

describe("resolveStageModels", () => {
  it("gives a model stage the only registered model of its kind, and keeps a named one", () => {
    const { definition: d, skipped } = resolveStageModels(
      definition([{ stage: "decode" }, { stage: "aesthetic" }, { stage: "clip", model: "big-clip" }]),
      [
        { name: "laion-aesthetic", kind: "aesthetic" },
        { name: "big-clip", kind: "clip" },
        { name: "small-clip", kind: "clip" },
      ],
    );
    expect(skipped).toEqual([]);
    expect(d.stages).toEqual([
      { stage: "decode" },
      { stage: "aesthetic", model: "laion-aesthetic" },
      { stage: "clip", model: "big-clip" },
    ]);
  });

  it("leaves out a stage whose model is missing, ambiguous or of the wrong kind, saying why", () => {
    const { definition: d, skipped } = resolveStageModels(
      definition(
        [
          { stage: "decode" },
          { stage: "aesthetic" },
          { stage: "clip" },
          { stage: "aesthetic", model: "x" },
        ].slice(0, 3),
      ),
      [
        { name: "a", kind: "clip" },
        { name: "b", kind: "clip" },
      ],
    );
    expect(d.stages).toEqual([{ stage: "decode" }]);
    expect(skipped).toEqual([
      {
        stage: "aesthetic",
        reason: expect.stringMatching(
          /none is: register one with `loupe models add my-aesthetic --kind aesthetic/,
        ),
      },
      { stage: "clip", reason: expect.stringMatching(/name one of a, b/) },
    ]);
    const wrong = resolveStageModels(definition([{ stage: "aesthetic", model: "a" }]), [
      { name: "a", kind: "clip" },
    ]);
    expect(wrong.skipped[0]!.reason).toBe(
      '"a" is a clip model; the aesthetic stage needs an aesthetic model',
    );
  });
});
