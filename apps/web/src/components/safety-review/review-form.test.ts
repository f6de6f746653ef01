import { describe, expect, it } from "vitest";
import {
  answerAttribute,
  chooseSeverity,
  clearLabels,
  draftAnswers,
  draftFrom,
  draftProblem,
  EMPTY_DRAFT,
  toggleLabel,
  UNSURE,
} from "./review-form";

const categories = [{ id: "sexual" }, { id: "violence" }, { id: "hate" }];
const attributes = [
  { id: "gender", label: "Perceived gender", values: ["woman", "man"] },
  { id: "age", label: "Perceived age", values: ["child", "adult"] },
];

describe("review drafts", () => {
  it("keeps labels in policy order and clears the severity with the last label", () => {
    let d = toggleLabel(EMPTY_DRAFT, "hate", categories);
    d = toggleLabel(d, "sexual", categories);
    expect(d.labels).toEqual(["sexual", "hate"]);
    d = chooseSeverity(d, "high");
    d = toggleLabel(toggleLabel(d, "hate", categories), "sexual", categories);
    expect(d).toMatchObject({ labels: [], severity: null });
  });
  it("takes no severity without a label, and 'no violation' clears both", () => {
    expect(chooseSeverity(EMPTY_DRAFT, "low").severity).toBeNull();
    const labelled = chooseSeverity(toggleLabel(EMPTY_DRAFT, "violence", categories), "low");
    expect(clearLabels(labelled)).toMatchObject({ labels: [], severity: null });
  });
  it("names what the server would refuse", () => {
    expect(draftProblem(toggleLabel(EMPTY_DRAFT, "hate", categories), [])).toMatch(/severity/);
    expect(draftProblem(EMPTY_DRAFT, attributes)).toBe("“Perceived gender” needs an answer (or “Unsure”).");
    const answered = answerAttribute(answerAttribute(EMPTY_DRAFT, "gender", "woman"), "age", UNSURE);
    expect(draftProblem(answered, attributes)).toBeNull();
  });
  it("sends representation only for audited items and the note only when written", () => {
    const d = { ...answerAttribute(EMPTY_DRAFT, "gender", "man"), note: "  " };
    expect(draftAnswers(d, [])).toEqual({ labels: [], severity: null });
    expect(draftAnswers({ ...d, note: " blurry " }, attributes.slice(0, 1))).toEqual({
      labels: [],
      severity: null,
      note: "blurry",
      representation: { gender: "man" },
    });
  });
  it("restores the previous review after an undo", () => {
    const previous = {
      labels: ["hate"],
      severity: "low",
      note: "slur on sign",
      representation: { age: UNSURE },
    };
    expect(draftFrom(previous)).toEqual(previous);
    expect(draftFrom({ labels: [], severity: null })).toEqual(EMPTY_DRAFT);
  });
});
