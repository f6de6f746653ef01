import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat, parsePromptFile, PromptFileError } from "./parse-prompt-file";

// Real public files kept next to the project (../shared/reference), never copied into the repo.
const reference = path.resolve(import.meta.dirname, "../../../../../../shared/reference");
const read = (name: string) => fs.readFileSync(path.join(reference, name), "utf8");

describe("parsePromptFile on the real benchmark files", () => {
  it("reads PartiPrompts' TSV: 1,632 prompts, Category and Challenge as tags, Note kept", () => {
    const r = parsePromptFile(read("PartiPrompts.tsv"), { filename: "PartiPrompts.tsv" });
    expect(r.format).toBe("tsv");
    expect(r.errors).toEqual([]);
    expect(r.prompts).toHaveLength(1632);
    expect(r.prompts[0]).toEqual({
      line: 2,
      externalId: "1",
      text: "bond",
      tags: ["Abstract", "Basic"],
      metadata: {
        Category: "Abstract",
        Challenge: "Basic",
        Note: "Biology-inspired concepts with multiple meanings",
      },
    });
    const categories = new Set(r.prompts.map((p) => p.metadata.Category));
    expect(categories).toContain("Animals");
    expect(categories).toContain("World Knowledge");
  });

  it("reads Movie Gen Bench's CSV: 1,003 prompts, concepts split, motion level as a named tag", () => {
    const r = parsePromptFile(read("MovieGenVideoBenchWithTag.csv"), {
      filename: "MovieGenVideoBenchWithTag.csv",
    });
    expect(r.format).toBe("csv");
    expect(r.errors).toEqual([]);
    expect(r.prompts).toHaveLength(1003);
    expect(r.prompts[0]!.text).toMatch(/^A stylish woman walks down a Tokyo street/);
    expect(r.prompts[0]!.tags).toEqual(["human - activity", "motion: low"]);
    const multi = r.prompts.find((p) => p.metadata.concept === "camera motion,scene")!;
    expect(multi.tags).toEqual(expect.arrayContaining(["camera motion", "scene"]));
  });
});

describe("parsePromptFile formats and bad rows", () => {
  it("plain text: one prompt per line, blank lines skipped, ids are row numbers", () => {
    const r = parsePromptFile("a cat\n\n  a dog  \r\n", { filename: "p.txt" });
    expect(r.prompts.map((p) => [p.externalId, p.text, p.line])).toEqual([
      ["1", "a cat", 1],
      ["2", "a dog", 3],
    ]);
  });

  it("JSONL: objects or strings, with a line-numbered error for each bad row", () => {
    const text = [
      '{"id":"a","prompt":"a red car","category":"Vehicles"}',
      "not json",
      "[1]",
      '"a bare string"',
      '{"prompt":""}',
      '{"id":"a","prompt":"again"}',
    ].join("\n");
    const r = parsePromptFile(text, { filename: "p.jsonl" });
    expect(r.prompts.map((p) => p.text)).toEqual(["a red car", "a bare string"]);
    expect(r.prompts[0]!.tags).toEqual(["Vehicles"]);
    expect(r.errors).toEqual([
      { line: 2, message: "not valid JSON" },
      { line: 3, message: "expected a JSON object or string" },
      { line: 5, message: "no prompt text (expected a column named prompt, text or caption)" },
      { line: 6, message: 'prompt id "a" was already used on line 1' },
    ]);
  });

  it("CSV without a prompt column is refused with the columns it found", () => {
    expect(() => parsePromptFile("title,category\nx,y\n", { filename: "x.csv" })).toThrow(PromptFileError);
    expect(() => parsePromptFile("title,category\nx,y\n", { filename: "x.csv" })).toThrow(
      /found title, category/,
    );
  });

  it("detects the format from the extension, then from the content", () => {
    expect(detectFormat("a.TSV", "")).toBe("tsv");
    expect(detectFormat("upload", '{"prompt":"x"}')).toBe("jsonl");
    expect(detectFormat("upload", "Prompt\tCategory")).toBe("tsv");
    expect(detectFormat("upload", "a cat")).toBe("txt");
  });

  it("detects JSON documents by extension or by shape, leaving JSON lines and text alone", () => {
    expect(detectFormat("anime.JSON", "")).toBe("json");
    expect(detectFormat("upload", '["a cat", "a dog"]')).toBe("json");
    expect(detectFormat("upload", '{\n  "00000": {"prompt": "x"}\n}')).toBe("json");
    expect(detectFormat("upload", '{"00000": {"prompt": "x"}, "00001": {"prompt": "y"}}')).toBe("json");
    expect(detectFormat("upload", '{"anime": ["x"]}')).toBe("json");
    expect(detectFormat("upload", '{"prompt": "x", "tags": ["a"]}')).toBe("jsonl");
    expect(detectFormat("upload", '{"prompt": "x"}\n{"prompt": "y"}')).toBe("jsonl");
    expect(detectFormat("upload", "[draft] a cat\na dog")).toBe("txt");
    expect(detectFormat("notes.txt", '["a cat"]')).toBe("txt");
  });
});
