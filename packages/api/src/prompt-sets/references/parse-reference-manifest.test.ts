import { describe, expect, it } from "vitest";
import { parseReferenceManifest } from "./parse-reference-manifest";

describe("parseReferenceManifest", () => {
  it("reads JSONL rows and reports bad ones by line", () => {
    const text = [
      '{"prompt_id": "1", "role": "subject", "file": "dog/0.png"}',
      '{"prompt_id": 1, "role": "subject", "file": "dog/1.png", "position": 1}',
      '{"role": "mask", "file": "m.png"}',
      '{"prompt_id": "2", "role": "Source Image", "file": "s.png"}',
      "not json",
      '{"prompt": "a dog", "role": "source", "file": "s.png", "colour": "red"}',
    ].join("\n");
    const { rows, errors } = parseReferenceManifest(text, "refs.jsonl");
    expect(rows).toEqual([
      { line: 1, promptId: "1", prompt: undefined, role: "subject", file: "dog/0.png", position: 0 },
      { line: 2, promptId: "1", prompt: undefined, role: "subject", file: "dog/1.png", position: 1 },
    ]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [3, "prompt_id: give prompt_id or the exact prompt text"],
      [4, expect.stringMatching(/^role: use up to 40 lowercase/)],
      [5, "not valid JSON"],
      [6, 'unknown field "colour"'],
    ]);
  });

  it("reads CSV and refuses a header with an unknown column as a whole", () => {
    const { rows } = parseReferenceManifest("prompt_id,role,file\n7,degraded,in/7.png\n", "refs.csv");
    expect(rows).toEqual([
      { line: 2, promptId: "7", prompt: undefined, role: "degraded", file: "in/7.png", position: 0 },
    ]);
    expect(() => parseReferenceManifest("prompt_id,kind,file\n", "refs.csv")).toThrow(
      /unknown column "kind"/,
    );
  });
});
