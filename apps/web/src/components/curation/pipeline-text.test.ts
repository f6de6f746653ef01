import { describe, expect, it } from "vitest";
import { examplePipeline, parsePipelineText } from "./pipeline-text";

describe("parsePipelineText", () => {
  it("reads YAML and JSON, and the example pipeline", () => {
    expect(parsePipelineText('{"name": "x"}')).toEqual({ definition: { name: "x" } });
    const example = parsePipelineText(examplePipeline("/srv/corpora/"));
    expect(example).toMatchObject({
      definition: { source: { kind: "folder", root: "/srv/corpora/my-corpus" }, dedup: { maxDistance: 6 } },
    });
  });

  it("points at a syntax error and refuses what is not one object", () => {
    expect(parsePipelineText("name: [unclosed")).toEqual({ error: expect.stringMatching(/at line 1/) });
    expect(parsePipelineText("- a\n- b")).toEqual({ error: expect.stringMatching(/one object/) });
    expect(parsePipelineText("  ")).toEqual({ error: "Write a pipeline first." });
  });
});
