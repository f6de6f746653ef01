import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  definitionOf,
  definitionYaml,
  initialForm,
  thresholdOptions,
  type CatalogueStage,
} from "./pipeline-form-state";

const catalogue: CatalogueStage[] = [
  {
    id: "resolution",
    defaults: { minShortSide: 0, minAspect: 1 / 3 },
    thresholds: [{ option: "minShortSide" }, { option: "minAspect" }],
  },
  { id: "decode", defaults: {}, thresholds: [] },
  { id: "blur", defaults: { minSharpness: 100 }, thresholds: [{ option: "minSharpness" }] },
  { id: "phash", defaults: { algorithms: ["phash"] }, thresholds: [] },
  { id: "ocr", defaults: { maxTextArea: 0.1 }, thresholds: [{ option: "maxTextArea" }] },
];
const order = catalogue.map((s) => s.id);

describe("the pipeline form", () => {
  it("prefills each stage's thresholds with its defaults", () => {
    expect(thresholdOptions(catalogue[0]!)).toEqual({ minShortSide: "0", minAspect: String(1 / 3) });
  });

  it("stands for the definition the YAML editor would send, stages in run order", () => {
    const form = initialForm("/data/corpora/", catalogue);
    form.stages.blur!.options.minSharpness = "250";
    form.stages.resolution!.options.minAspect = "";
    form.stages.ocr!.enabled = true;
    form.outputs.webdataset = true;
    const result = definitionOf(form, order);
    expect(result).toEqual({
      definition: {
        name: "my corpus",
        media: "image",
        source: { kind: "folder", root: "/data/corpora/my-corpus" },
        stages: [
          { stage: "resolution", minShortSide: 0 },
          { stage: "decode" },
          { stage: "blur", minSharpness: 250 },
          { stage: "phash" },
          { stage: "ocr", maxTextArea: 0.1 },
        ],
        dedup: { hash: "phash", maxDistance: 6 },
        outputs: { manifest: "parquet", webdataset: {} },
      },
    });
    if ("definition" in result) expect(parse(definitionYaml(result.definition))).toEqual(result.definition);
  });

  it("names options that are not numbers, and leaves out near-duplicates without the hash stage", () => {
    const form = initialForm("/d", catalogue);
    form.stages.blur!.options.minSharpness = "sharp";
    expect(definitionOf(form, order)).toEqual({ errors: ["blur: minSharpness must be a number"] });
    form.stages.blur!.options.minSharpness = "1";
    form.stages.phash!.enabled = false;
    const result = definitionOf(form, order);
    expect("definition" in result && "dedup" in result.definition).toBe(false);
  });

  it("writes each kind of source, and clips only for videos", () => {
    const form = initialForm("/d", catalogue, "video");
    form.source = {
      kind: "manifest",
      path: "/d/m.jsonl",
      column: "url",
      columnName: "url",
      captionColumn: "",
    };
    form.outputs.clips = true;
    const result = definitionOf(form, order);
    expect(result).toMatchObject({
      definition: {
        media: "video",
        source: { kind: "manifest", path: "/d/m.jsonl", urlColumn: "url" },
        outputs: { manifest: "parquet", clips: {} },
      },
    });
    form.source = { kind: "webdataset", shards: "a-{0..3}.tar, b.tar", root: "/d" };
    expect(definitionOf(form, order)).toMatchObject({
      definition: { source: { kind: "webdataset", shards: ["a-{0..3}.tar", "b.tar"], root: "/d" } },
    });
    form.source = { kind: "s3", bucket: "corpora", prefix: "photos/", endpoint: "" };
    expect(definitionOf(form, order)).toMatchObject({
      definition: { source: { kind: "s3", bucket: "corpora", prefix: "photos/" } },
    });
  });
});
