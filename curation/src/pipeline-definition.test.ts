import { describe, expect, it } from "vitest";
import { parsePipeline, PipelineDefinitionError, measurementColumns } from "./pipeline-definition";
import { runOrder } from "./pipeline";
import { configure, metadataStage } from "./stages";

const source = { kind: "folder", root: "/data" };

describe("parsePipeline", () => {
  it("checks each stage's options against its schema and fills the defaults", () => {
    const { definition, stages } = parsePipeline({
      name: "web crawl",
      source,
      stages: [
        { stage: "blur", minSharpness: 80 },
        { stage: "resolution", minShortSide: 512 },
        { stage: "phash" },
      ],
      dedup: { maxDistance: 4 },
    });
    expect(definition).toMatchObject({
      shardSize: 1000,
      dedup: { hash: "phash", maxDistance: 4 },
      download: null,
      outputs: { manifest: "parquet" },
    });
    expect(stages.map((s) => [s.stage.id, s.config])).toEqual([
      ["blur", { minSharpness: 80 }],
      ["resolution", expect.objectContaining({ minShortSide: 512, maxAspect: 3 })],
      ["phash", { algorithms: ["phash"] }],
    ]);
    // Columns follow the order stages run in: the header stage (resolution) first.
    expect(measurementColumns(runOrder([...stages, configure(metadataStage, {})]))).toEqual({
      scores: [
        "resolution.width",
        "resolution.height",
        "resolution.shortSide",
        "resolution.aspect",
        "metadata.width",
        "metadata.height",
        "metadata.aspect",
        "metadata.bytes",
        "metadata.frames",
        "blur.sharpness",
      ],
      labels: ["metadata.format"],
      embedding: false,
    });
  });

  it("lists every problem at once: unknown stages and options, repeats, bad values, dedup without its hash", () => {
    let message = "";
    try {
      parsePipeline({
        name: "bad",
        source,
        stages: [
          { stage: "sharpen" },
          { stage: "blur", minSharpness: -1 },
          { stage: "resolution", minShortSid: 512 },
          { stage: "exposure" },
          { stage: "exposure" },
        ],
        dedup: { hash: "dhash" },
      });
    } catch (err) {
      expect(err).toBeInstanceOf(PipelineDefinitionError);
      message = (err as Error).message;
    }
    expect(message).toContain('stages.0.stage: "sharpen" is not an image stage');
    expect(message).toContain("stages.1 (blur).minSharpness");
    expect(message).toContain('stages.2 (resolution): unknown option "minShortSid"');
    expect(message).toContain('stages.4.stage: "exposure" appears twice');
    expect(message).toContain('dedup.hash: "dhash" is not computed');
  });

  it("refuses shard sizes outside 1,000–10,000, a missing name and an empty stage list", () => {
    expect(() => parsePipeline({ name: "x", source, stages: [{ stage: "decode" }], shardSize: 500 })).toThrow(
      /shardSize/,
    );
    expect(() => parsePipeline({ source, stages: [{ stage: "decode" }] })).toThrow(/name/);
    expect(() => parsePipeline({ name: "x", source, stages: [] })).toThrow(/stages/);
    expect(() => parsePipeline({ name: "x", source: { kind: "s3" }, stages: [{ stage: "decode" }] })).toThrow(
      /source/,
    );
  });
});
