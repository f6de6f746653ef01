import { describe, expect, it } from "vitest";
import { rowsFromFolderPaths, stripTopFolder } from "./folder-layout";
import { detectManifestFormat, ManifestError, parseOutputManifest } from "./parse-manifest";

const jsonl = (...rows: unknown[]) =>
  rows.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n");

describe("parseOutputManifest: JSONL", () => {
  it("reads every documented field, with seed 0 and no params by default", () => {
    const r = parseOutputManifest(
      jsonl(
        {
          model: "sdxl",
          prompt_id: "p1",
          seed: 7,
          file: "a/1.png",
          params: { cfg: 7.5 },
          latency_ms: 812,
          steps: 4,
        },
        { model: "sdxl", prompt: "a red cube", path: "a/2.png" },
        { model: "sdxl", prompt_id: "p3", seed: "9223372036854775807", file: "a/3.png" },
      ),
      { filename: "m.jsonl" },
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        line: 1,
        model: "sdxl",
        promptId: "p1",
        seed: 7n,
        file: "a/1.png",
        params: { cfg: 7.5 },
        latencyMs: 812,
        steps: 4,
      },
      { line: 2, model: "sdxl", prompt: "a red cube", seed: 0n, file: "a/2.png", params: {} },
      { line: 3, model: "sdxl", promptId: "p3", seed: 9223372036854775807n, file: "a/3.png", params: {} },
    ]);
  });

  it("gives each bad row its line and a reason, and keeps the good rows", () => {
    const r = parseOutputManifest(
      jsonl(
        { model: "m", prompt_id: "p1", file: "ok.png" },
        "{not json",
        "[1,2]",
        { prompt_id: "p1", file: "x.png" },
        { model: "m", file: "x.png" },
        { model: "m", prompt_id: "p1", seed: "abc", file: "x.png" },
        { model: "m", prompt_id: "p1", seed: 1.5, file: "x.png" },
        { model: "m", prompt_id: "p1" },
        { model: "m", prompt_id: "p1", file: "x.png", params: "[1]" },
        { model: "m", prompt_id: "p1", file: "x.png", steps: -1 },
        { model: "m", prompt_id: "p1", file: "x.png", colour: "red" },
        "",
        { model: "m", prompt_id: "p2", file: "ok2.png", seed: "99999999999999999999" },
      ),
      { filename: "m.jsonl" },
    );
    expect(r.rows.map((x) => x.line)).toEqual([1]);
    expect(r.errors).toEqual([
      { line: 2, message: "not valid JSON" },
      { line: 3, message: "expected a JSON object" },
      { line: 4, file: "x.png", message: "model: missing" },
      { line: 5, file: "x.png", message: "prompt_id: missing (give prompt_id or prompt)" },
      { line: 6, file: "x.png", message: 'seed: must be a whole number (got "abc")' },
      { line: 7, file: "x.png", message: 'seed: must be a whole number (got "1.5")' },
      { line: 8, message: "file: missing" },
      { line: 9, file: "x.png", message: 'params: must be a JSON object, e.g. {"steps": 4}' },
      { line: 10, file: "x.png", message: 'steps: must be a whole number of steps ≥ 0 (got "-1")' },
      {
        line: 11,
        file: "x.png",
        message: expect.stringMatching(
          /^unknown field "colour" \(expected model, prompt_id, prompt, seed, file/,
        ),
      },
      { line: 13, file: "ok2.png", message: "seed: is outside the 64-bit range" },
    ]);
  });

  it("refuses a manifest with no rows at all", () => {
    expect(() => parseOutputManifest("\n\n", { filename: "m.jsonl" })).toThrow("the manifest has no rows");
  });
});

describe("parseOutputManifest: CSV", () => {
  it("reads rows with params as JSON text and reports bad rows by their line", () => {
    const csv = [
      "model,prompt_id,seed,file,params,latency_ms",
      'sdxl,p1,1,out/1.png,"{""cfg"": 5}",120',
      "sdxl,p2,one,out/2.png,,",
      "sdxl,,3,out/3.png,,",
      "sdxl,p4,,out/4.png,,",
    ].join("\n");
    const r = parseOutputManifest(csv, { filename: "m.csv" });
    expect(r.format).toBe("csv");
    expect(r.rows).toEqual([
      {
        line: 2,
        model: "sdxl",
        promptId: "p1",
        seed: 1n,
        file: "out/1.png",
        params: { cfg: 5 },
        latencyMs: 120,
      },
      { line: 5, model: "sdxl", promptId: "p4", seed: 0n, file: "out/4.png", params: {} },
    ]);
    expect(r.errors).toEqual([
      { line: 3, file: "out/2.png", message: 'seed: must be a whole number (got "one")' },
      { line: 4, file: "out/3.png", message: "prompt_id: missing (give prompt_id or prompt)" },
    ]);
  });

  it("a prompt's exact text may hold commas and quotes", () => {
    const r = parseOutputManifest('model,prompt,path\nm,"a cat, ""smiling""",x.png\n', { filename: "m.csv" });
    expect(r.rows[0]).toMatchObject({ prompt: 'a cat, "smiling"', file: "x.png" });
  });

  it("stops at a header with an unknown or a missing column, naming it", () => {
    expect(() =>
      parseOutputManifest("model,prompt_id,file,colour\nm,p,x.png,red\n", { filename: "m.csv" }),
    ).toThrow(/^unknown column "colour" in the CSV header \(expected model, prompt_id/);
    expect(() => parseOutputManifest("model,prompt_id\nm,p\n", { filename: "m.csv" })).toThrow(
      "the CSV header has no file (or path) column (found model, prompt_id)",
    );
    expect(() => parseOutputManifest("model,file,file\nm,x,y\n", { filename: "m.csv" })).toThrow(
      ManifestError,
    );
  });

  it("detects the format from the extension, then the content", () => {
    expect(detectManifestFormat("x.CSV", "{")).toBe("csv");
    expect(detectManifestFormat("manifest", '{"model":1}')).toBe("jsonl");
    expect(detectManifestFormat("manifest", "model,file")).toBe("csv");
  });
});

describe("rowsFromFolderPaths", () => {
  it("reads <model>/<prompt_id>[_<seed>].<ext>, keeping the stem for ids that contain _<digits>", () => {
    const r = rowsFromFolderPaths([
      "sdxl/p1.png",
      "sdxl/p1_42.png",
      "flux/a_b_7.mp4",
      "./flux/.DS_Store",
      "README.txt",
      "sdxl/deep/p1.png",
      "sdxl/noext",
    ]);
    expect(r.rows).toEqual([
      {
        line: 2,
        model: "flux",
        promptId: "a_b",
        seed: 7n,
        file: "flux/a_b_7.mp4",
        params: {},
        stem: "a_b_7",
      },
      { line: 5, model: "sdxl", promptId: "p1", seed: 0n, file: "sdxl/p1.png", params: {}, stem: "p1" },
      {
        line: 6,
        model: "sdxl",
        promptId: "p1",
        seed: 42n,
        file: "sdxl/p1_42.png",
        params: {},
        stem: "p1_42",
      },
    ]);
    expect(r.errors).toEqual([
      {
        line: 1,
        file: "README.txt",
        message: "not in a model folder; expected <model>/<prompt_id>[_<seed>].<ext>",
      },
      {
        line: 3,
        file: "sdxl/deep/p1.png",
        message: "not in a model folder; expected <model>/<prompt_id>[_<seed>].<ext>",
      },
      {
        line: 4,
        file: "sdxl/noext",
        message: "the file name has no extension; expected <model>/<prompt_id>[_<seed>].<ext>",
      },
    ]);
  });

  it("drops the picked folder's name from browser paths", () => {
    expect(stripTopFolder(["run/sdxl/p1.png", "run/flux/p1.png"])).toEqual(["sdxl/p1.png", "flux/p1.png"]);
    expect(stripTopFolder(["sdxl/p1.png", "sdxl/p2.png"])).toEqual(["sdxl/p1.png", "sdxl/p2.png"]);
  });
});
