// DrawBench's CSV, HPSv2's benchmark JSON and GenAI-Bench's genai_image.json, from small samples
// written here in each layout (the real files are not in the repository).
import { describe, expect, it } from "vitest";
import { parsePromptFile, PromptFileError } from "../parse-prompt-file";

const texts = (r: ReturnType<typeof parsePromptFile>) => r.prompts.map((p) => p.text);

describe("DrawBench CSV (Prompts, Category)", () => {
  const sample = [
    "Prompts,Category",
    "A red colored car.,Colors",
    "Three cats and one dog sitting on the grass.,Counting",
    '"A storefront with ""Hello World"" written on it.",Text',
    "Acanthophis,Rare Words",
    "An illustration of a small green elephant standing behind a large red mouse.,DALL-E",
    ",Colors",
  ].join("\n");

  it("reads the prompts, numbers them by row, and makes each category a tag", () => {
    const r = parsePromptFile(sample, { filename: "drawbench.csv" });
    expect(r.format).toBe("csv");
    expect(texts(r)).toEqual([
      "A red colored car.",
      "Three cats and one dog sitting on the grass.",
      'A storefront with "Hello World" written on it.',
      "Acanthophis",
      "An illustration of a small green elephant standing behind a large red mouse.",
    ]);
    expect(r.prompts.map((p) => p.externalId)).toEqual(["1", "2", "3", "4", "5"]);
    expect(r.prompts.map((p) => p.tags)).toEqual([
      ["Colors"],
      ["Counting"],
      ["Text"],
      ["Rare Words"],
      ["DALL-E"],
    ]);
    expect(r.prompts[0]!.metadata).toEqual({ Category: "Colors" });
  });

  it("reports a row without a prompt on its line", () => {
    const r = parsePromptFile(sample, { filename: "drawbench.csv" });
    expect(r.errors).toEqual([
      { line: 7, message: "no prompt text (expected a column named prompt, text or caption)" },
    ]);
  });

  it("accepts a lower-case `prompt` column too, and a file with no extension", () => {
    const r = parsePromptFile("prompt,Category\na blue cube,Colors\n", { filename: "x.csv" });
    expect(r.prompts[0]).toMatchObject({ text: "a blue cube", tags: ["Colors"] });
    const u = parsePromptFile("Prompts\tCategory\na blue cube\tColors\n", { filename: "upload" });
    expect(u.prompts[0]).toMatchObject({ text: "a blue cube", tags: ["Colors"] });
  });
});

describe("HPSv2 benchmark JSON", () => {
  const anime = '[\n  "a girl with a sword, anime style",\n  "a robot cat in a rainy city"\n]\n';

  it("one style's file: the file name gives the style tag and `<style>-<index>` ids", () => {
    const r = parsePromptFile(anime, { filename: "anime.json" });
    expect(r.format).toBe("json");
    expect(r.errors).toEqual([]);
    expect(r.prompts).toEqual([
      {
        line: 2,
        externalId: "anime-00000",
        text: "a girl with a sword, anime style",
        tags: ["anime"],
        metadata: {},
      },
      {
        line: 3,
        externalId: "anime-00001",
        text: "a robot cat in a rainy city",
        tags: ["anime"],
        metadata: {},
      },
    ]);
    const concept = parsePromptFile('["a castle"]', { filename: "data/Concept-Art.json" });
    expect(concept.prompts[0]).toMatchObject({ externalId: "concept-art-00000", tags: ["concept-art"] });
  });

  it("a list under any other name: no tag, ids are row numbers like any other file", () => {
    const r = parsePromptFile(anime, { filename: "prompts.json" });
    expect(r.prompts.map((p) => [p.externalId, p.tags])).toEqual([
      ["1", []],
      ["2", []],
    ]);
  });

  it("the styles in one object: each key is the style tag; ids match the per-style files", () => {
    const all = JSON.stringify(
      { anime: ["a fox spirit"], "concept-art": ["a floating city", "a desert outpost"], photo: ["a dog"] },
      null,
      2,
    );
    const r = parsePromptFile(all, { filename: "hpsv2_benchmark.json" });
    expect(r.errors).toEqual([]);
    expect(r.prompts.map((p) => [p.line, p.externalId, p.text, p.tags])).toEqual([
      [3, "anime-00000", "a fox spirit", ["anime"]],
      [6, "concept-art-00000", "a floating city", ["concept-art"]],
      [7, "concept-art-00001", "a desert outpost", ["concept-art"]],
      [10, "photo-00000", "a dog", ["photo"]],
    ]);
  });

  it("bad items are errors on their own line; the rest is read", () => {
    const text = '{\n  "anime": [\n    "a fox",\n    42,\n    "",\n    null\n  ],\n  "": ["x", "y"]\n}';
    const r = parsePromptFile(text, { filename: "all.json" });
    expect(texts(r)).toEqual(["a fox"]);
    expect(r.errors).toEqual([
      { line: 4, message: "expected a prompt (a string, or an object with a prompt), found a number" },
      { line: 5, message: "no prompt text (expected a column named prompt, text or caption)" },
      { line: 6, message: "expected a prompt (a string, or an object with a prompt), found null" },
      {
        line: 8,
        message:
          'the 2 prompts listed under a blank key were not read: the key names their style (e.g. "anime")',
      },
    ]);
  });
});

describe("GenAI-Bench genai_image.json", () => {
  const sample = [
    "{",
    '  "00000": {',
    '    "id": "00000",',
    '    "prompt": "A dog sitting to the left of a red ball.",',
    '    "basic_skills": "Attribute, Spatial Relation",',
    '    "advanced_skills": "",',
    '    "models": { "DALLE_3": [5, 4, 5] }',
    "  },",
    '  "00001": {',
    '    "id": "00001",',
    '    "prompt": "Three birds but no cats on the fence.",',
    '    "basic_skills": ["Scene"],',
    '    "advanced_skills": ["Counting", "Negation"]',
    "  },",
    '  "00002": { "prompt": "The tallest of four towers is blue.", "advanced_skills": "Comparison, Universal" }',
    "}",
  ].join("\n");

  it("keys are the ids, skills (lists or comma-separated) are tags, other fields are metadata", () => {
    const r = parsePromptFile(sample, { filename: "genai_image.json" });
    expect(r.format).toBe("json");
    expect(r.errors).toEqual([]);
    expect(r.prompts.map((p) => [p.line, p.externalId, p.text, p.tags])).toEqual([
      [2, "00000", "A dog sitting to the left of a red ball.", ["Attribute", "Spatial Relation"]],
      [9, "00001", "Three birds but no cats on the fence.", ["Scene", "Counting", "Negation"]],
      [15, "00002", "The tallest of four towers is blue.", ["Comparison", "Universal"]],
    ]);
    expect(r.prompts[0]!.metadata).toEqual({
      basic_skills: "Attribute, Spatial Relation",
      advanced_skills: "",
      models: '{"DALLE_3":[5,4,5]}',
    });
    expect(r.prompts[1]!.metadata.advanced_skills).toBe('["Counting","Negation"]');
  });

  it("is recognised by its shape whatever the file is called, even on one line", () => {
    const oneLine = JSON.stringify(JSON.parse(sample));
    const r = parsePromptFile(oneLine, { filename: "upload" });
    expect(r.format).toBe("json");
    expect(r.prompts.map((p) => p.externalId)).toEqual(["00000", "00001", "00002"]);
    expect(r.prompts.every((p) => p.line === 1)).toBe(true);
  });

  it("a top-level array of records takes the ids from their `id` field", () => {
    const text = JSON.stringify([
      { id: "00007", prompt: "a cube", basic_skills: "Attribute" },
      { id: "00008", prompt: "a sphere", advanced_skills: "Counting, Comparison" },
      { id: "00007", prompt: "again" },
    ]);
    const r = parsePromptFile(text, { filename: "genai.json" });
    expect(r.prompts.map((p) => [p.externalId, p.text, p.tags])).toEqual([
      ["00007", "a cube", ["Attribute"]],
      ["00008", "a sphere", ["Counting", "Comparison"]],
    ]);
    expect(r.errors).toEqual([{ line: 1, message: 'prompt id "00007" was already used on line 1' }]);
  });

  it("bad records are errors on the line of their key; a repeated key is reported too", () => {
    const text = [
      "{",
      '  "00000": { "prompt": "a cat" },',
      '  "00001": { "basic_skills": "Scene" },',
      '  "00002": 7,',
      '  "00003": "a bare prompt",',
      '  "00000": { "prompt": "a later cat" }',
      "}",
    ].join("\n");
    const r = parsePromptFile(text, { filename: "genai_image.json" });
    expect(r.prompts.map((p) => [p.line, p.externalId, p.text])).toEqual([
      [6, "00000", "a later cat"],
      [5, "00003", "a bare prompt"],
    ]);
    expect(r.errors).toEqual([
      { line: 2, message: '"00000" appears again on line 6; only that later entry is read' },
      { line: 3, message: "no prompt text (expected a column named prompt, text or caption)" },
      { line: 4, message: 'expected an object with a prompt under "00002", found a number' },
    ]);
  });

  it("keeps an inner id that differs from the key as metadata", () => {
    const r = parsePromptFile('{"a1": {"id": "other", "prompt": "x"}}', { filename: "g.json" });
    expect(r.prompts[0]).toMatchObject({ externalId: "a1", metadata: { id: "other" } });
  });
});

describe("JSON documents of unknown shape and broken JSON", () => {
  it("refuses a shape it does not know, saying what it expected and found", () => {
    const cases: [string, RegExp][] = [
      ["42", /found a number at the top level/],
      ['"a cat"', /found a string at the top level/],
      ["[[1, 2], [3]]", /found a list whose first item is a list/],
      ['{"a": 1, "b": 2}', /found an object whose "a" is a number/],
      ['{"anime": ["x"], "00001": {"prompt": "y"}}', /found an object mixing lists \("anime"\) with other/],
    ];
    for (const [text, message] of cases) {
      expect(() => parsePromptFile(text, { filename: "x.json" })).toThrow(PromptFileError);
      expect(() => parsePromptFile(text, { filename: "x.json" })).toThrow(message);
      expect(() => parsePromptFile(text, { filename: "x.json" })).toThrow(
        /unrecognised JSON layout: expected/,
      );
    }
  });

  it("refuses broken JSON with the parser's message and the line", () => {
    const text = '[\n  "a cat"\n  "a dog"\n]';
    expect(() => parsePromptFile(text, { filename: "x.json" })).toThrow(/^not valid JSON: .*\(line 3\)$/);
  });

  it("reads JSON lines saved under a .json name as JSON lines", () => {
    const r = parsePromptFile('{"prompt":"a"}\n{"prompt":"b"}\nnope\n', { filename: "x.json" });
    expect(r.format).toBe("jsonl");
    expect(texts(r)).toEqual(["a", "b"]);
    expect(r.errors).toEqual([{ line: 3, message: "not valid JSON" }]);
  });

  it("a single record object, an empty list and a byte-order mark are fine", () => {
    const one = parsePromptFile('\uFEFF\n{\n  "prompt": "a cat",\n  "category": "Animals"\n}\n', {
      filename: "one.json",
    });
    expect(one.prompts).toEqual([
      { line: 2, externalId: "1", text: "a cat", tags: ["Animals"], metadata: { category: "Animals" } },
    ]);
    expect(parsePromptFile("[]", { filename: "x.json" })).toEqual({
      format: "json",
      prompts: [],
      errors: [],
    });
  });
});
