import { describe, expect, it } from "vitest";
import { withinPromptLimits } from "./import-prompt-file";
import { parsePromptFile } from "./parse-prompt-file";

describe("withinPromptLimits", () => {
  it("turns prompts the prompt set would refuse into errors on their own line", () => {
    const long = "x".repeat(10_001);
    const text = ["prompt,category", "a cat,Animals", `${long},Animals`, `a dog,${"t".repeat(101)}`].join(
      "\n",
    );
    const r = withinPromptLimits(parsePromptFile(text, { filename: "p.csv" }));
    expect(r.prompts.map((p) => p.text)).toEqual(["a cat"]);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(r.errors[0]!.message).toMatch(/^text: /);
    expect(r.errors[1]!.message).toMatch(/^tags\.0: /);
  });

  it("leaves a file within the limits as it is", () => {
    const parsed = parsePromptFile("a cat\na dog\n", { filename: "p.txt" });
    expect(withinPromptLimits(parsed)).toEqual(parsed);
  });
});
