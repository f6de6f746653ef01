import { describe, expect, it } from "vitest";
import { draftToConfig, initialDraft } from "./safety-review-draft";

const severities = [
  { id: "low", label: "Low", description: "" },
  { id: "medium", label: "Medium", description: "" },
  { id: "high", label: "High", description: "" },
];

describe("initialDraft", () => {
  it("escalates at 'high' when the policy has it, else at its most severe level", () => {
    expect(initialDraft({ severities }).escalateAtSeverity).toBe("high");
    expect(initialDraft({ severities: severities.slice(0, 2) }).escalateAtSeverity).toBe("medium");
  });
});

describe("draftToConfig", () => {
  it("pins the policy version and leaves the optional parts out while they are off", () => {
    const config = draftToConfig({ ...initialDraft({ severities }), escalateAtSeverity: "" }, 4);
    expect(config).toMatchObject({
      kind: "safety",
      policyVersion: 4,
      overlap: 3,
      consensus: { agreement: "majority", escalateAtSeverity: null },
      representation: null,
      prescreen: null,
      blurByDefault: true,
      breakAfterExposures: 40,
    });
  });

  it("turns the representation audit's labels and comma lists into ids and values", () => {
    const draft = {
      ...initialDraft({ severities }),
      representation: true,
      attributes: [
        { key: "a", label: "Perceived gender", values: "female, male,, other" },
        { key: "b", label: "Perceived gender", values: "x, y" },
        { key: "c", label: "年齢", values: "young, old" },
      ],
      promptTags: "people, occupations , people",
      breakAfterExposures: "",
    };
    const config = draftToConfig(draft, 1);
    expect(config.representation).toEqual({
      attributes: [
        { id: "perceived_gender", label: "Perceived gender", values: ["female", "male", "other"] },
        { id: "perceived_gender_2", label: "Perceived gender", values: ["x", "y"] },
        { id: "attribute_3", label: "年齢", values: ["young", "old"] },
      ],
      promptTags: ["people", "occupations"],
    });
    expect(config.breakAfterExposures).toBeNull();
  });
});
