import { describe, expect, it } from "vitest";
import { changesOf, marksByScore } from "./threshold-edits";

const blur = {
  id: "blur",
  label: "Sharpness",
  config: { minSharpness: 100 },
  thresholds: [{ option: "minSharpness", score: "blur.sharpness", bound: "min" as const }],
};

describe("threshold edits", () => {
  it("turn typed numbers into changes, skip blanks and name what is not a number", () => {
    expect(
      changesOf({ blur: { minSharpness: " 80 " }, exposure: { minMeanLuma: "", maxMeanLuma: "x" } }),
    ).toEqual({
      changes: { blur: { minSharpness: 80 } },
      invalid: ["exposure.maxMeanLuma"],
    });
  });

  it("mark the run's threshold, and an edited one only when it differs", () => {
    expect(marksByScore([blur], {}).get("blur.sharpness")).toEqual([
      { option: "minSharpness", value: 100, edited: false },
    ]);
    expect(marksByScore([blur], { blur: { minSharpness: 60 } }).get("blur.sharpness")).toHaveLength(2);
    expect(marksByScore([blur], { blur: { minSharpness: 100 } }).get("blur.sharpness")).toHaveLength(1);
  });
});
