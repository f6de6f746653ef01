import { describe, expect, it } from "vitest";
import {
  activeAxes,
  draftFromConfig,
  draftFromTemplate,
  draftToConfig,
  newCustomAxis,
  stepProblems,
} from "./wizard-draft";
import type { PairwiseConfig, StudyTemplate } from "./types";

const template: StudyTemplate = {
  id: "side-by-side",
  name: "Side-by-side preference",
  description: "",
  mediaKind: "image",
  axes: [
    { id: "overall", label: "Overall", question: "Which overall?", scale: "ab-tie-bothbad", required: true },
    {
      id: "appeal",
      label: "Appeal",
      question: "Which looks better?",
      scale: "ab-tie-bothbad",
      required: true,
    },
  ],
  optionalAxes: [
    {
      id: "counting",
      label: "Counting",
      question: "Which counts right?",
      scale: "ab-tie-bothbad",
      required: false,
    },
  ],
  referenceRoles: ["subject"],
  instructions: "Judge **both**.",
};

describe("the wizard draft", () => {
  it("starts from the template: its axes, optional ones off, its instructions", () => {
    const d = draftFromTemplate(template);
    expect(d.axes.map((a) => [a.id, a.enabled])).toEqual([
      ["overall", true],
      ["appeal", true],
      ["counting", false],
    ]);
    expect(d.instructions).toBe("Judge **both**.");
    expect(d.referenceRoles).toEqual(["subject"]);
  });

  it("keeps models and rater settings when the template changes", () => {
    const d = { ...draftFromTemplate(template), modelIds: ["m1", "m2"], overlap: "5" };
    const other = draftFromTemplate(
      { ...template, id: "custom", axes: [template.axes[0]!], optionalAxes: [] },
      d,
    );
    expect(other.modelIds).toEqual(["m1", "m2"]);
    expect(other.overlap).toBe("5");
    expect(other.templateId).toBe("custom");
    expect(other.axes).toHaveLength(1);
  });

  it("turns percentages into shares and empty limits into null", () => {
    const d = {
      ...draftFromTemplate(template),
      goldPercent: "7",
      minGoldAccuracyPercent: "80",
      maxPerRater: "",
      breakMinutes: "30",
      qcAction: "exclude" as const,
    };
    const config = draftToConfig(d);
    expect(config.goldRatio).toBe(0.07);
    expect(config.qualityControl?.minGoldAccuracy).toBe(0.8);
    expect(config.qualityControl?.maxTooFastShare).toBeNull();
    expect(config.qualityControl?.action).toBe("exclude");
    expect(config.maxJudgmentsPerRater).toBeNull();
    expect(config.breakEveryMinutes).toBe(30);
    expect(config.overlap).toBe(3);
    expect(config.plan).toEqual({ kind: "all-pairs" });
  });

  it("builds the baseline and adaptive plans", () => {
    const d = draftFromTemplate(template);
    expect(draftToConfig({ ...d, planKind: "baseline", baselineModelId: "m1" }).plan).toEqual({
      kind: "baseline",
      baselineModelId: "m1",
    });
    expect(
      draftToConfig({ ...d, planKind: "adaptive", maxOverlap: "6", targetWidthPercent: "15" }).plan,
    ).toEqual({
      kind: "adaptive",
      maxOverlap: 6,
      targetWidth: 0.15,
    });
  });

  it("gives custom questions unique ids from their labels and leaves disabled ones out", () => {
    const d = draftFromTemplate(template);
    const custom = [
      { ...newCustomAxis(), label: "Overall", question: "Again?" },
      {
        ...newCustomAxis(),
        label: "Text rendering!",
        question: "Which spells right?",
        scale: "five-point" as const,
      },
    ];
    const axes = activeAxes([...d.axes, ...custom]);
    expect(axes.map((a) => a.id)).toEqual(["overall", "appeal", "overall_2", "text_rendering"]);
    expect(axes[3]?.scale).toBe("five-point");
  });

  it("names what is missing before a step can be left", () => {
    const d = draftFromTemplate(template);
    expect(stepProblems(0, d)).toEqual(["Give the study a name."]);
    expect(stepProblems(1, { ...d, modelIds: ["m1"] })).toEqual([
      "Choose at least two models to compare.",
      "Choose at least one prompt set.",
    ]);
    expect(
      stepProblems(1, { ...d, modelIds: ["m1", "m2"], promptSetIds: ["p"], planKind: "baseline" }),
    ).toEqual(["Choose the baseline among the selected models."]);
    expect(stepProblems(2, { ...d, axes: d.axes.map((a) => ({ ...a, enabled: false })) })).toEqual([
      "Ask at least one question.",
    ]);
    expect(stepProblems(2, { ...d, axes: [...d.axes, newCustomAxis()] })).toEqual([
      "Every question needs its text.",
    ]);
  });
});

describe("editing a saved draft", () => {
  // A draft as the API stores it: every default filled in.
  const saved: PairwiseConfig = {
    kind: "pairwise",
    template: "side-by-side",
    instructions: "Look closely.",
    axes: [
      {
        id: "overall",
        label: "Overall",
        question: "Which overall?",
        scale: "ab-tie-bothbad",
        required: true,
      },
      {
        id: "counting",
        label: "Counting",
        question: "Which counts right?",
        scale: "ab-tie-bothbad",
        required: false,
      },
      {
        id: "sharpness",
        label: "Sharpness",
        question: "Which is sharper?",
        scale: "five-point",
        required: true,
      },
    ],
    referenceRoles: ["subject"],
    modelIds: ["m1", "m2", "m3"],
    promptSetIds: ["s1"],
    plan: { kind: "adaptive", maxOverlap: 7, targetWidth: 0.15 },
    overlap: 3,
    goldRatio: 0.07,
    maxJudgmentsPerRater: 200,
    leaseSeconds: 600,
    breakEveryMinutes: 45,
    qualityControl: {
      minGoldAccuracy: 0.6,
      minGoldJudged: 3,
      tooFastSeconds: 2,
      maxTooFastShare: 0.3,
      maxSameAnswerShare: null,
      minAgreement: null,
      minJudgments: 10,
      action: "exclude",
    },
  };

  it("comes back into the wizard as it was saved, and saves back to the same config", () => {
    const d = draftFromConfig("Sharpness study", saved, template);
    expect(d.name).toBe("Sharpness study");
    // The template's "appeal" was dropped: it is there, switched off; "sharpness" is a custom question.
    expect(d.axes.map((a) => [a.id || a.label, a.origin, a.enabled])).toEqual([
      ["overall", "template", true],
      ["appeal", "template", false],
      ["counting", "optional", true],
      ["Sharpness", "custom", true],
    ]);
    expect({ gold: d.goldPercent, width: d.targetWidthPercent, qc: d.qcAction }).toEqual({
      gold: "7",
      width: "15",
      qc: "exclude",
    });
    const back = draftToConfig(d);
    expect(back).toMatchObject({
      template: "side-by-side",
      instructions: "Look closely.",
      axes: saved.axes,
      modelIds: saved.modelIds,
      promptSetIds: saved.promptSetIds,
      plan: saved.plan,
      overlap: 3,
      goldRatio: 0.07,
      maxJudgmentsPerRater: 200,
      breakEveryMinutes: 45,
      qualityControl: saved.qualityControl,
    });
  });
});
