import { describe, expect, it } from "vitest";
import type { Axis } from "../studies/config";
import { preferredSide, toRaterAnswers, toStoredAnswers } from "./answers";

const axes: Axis[] = [
  { id: "overall", question: "Which?", scale: "ab-tie-bothbad", required: true },
  { id: "appeal", question: "Prettier?", scale: "five-point", required: true },
  { id: "counting", question: "Count?", scale: "ab-tie-bothbad", required: false },
];

describe("toStoredAnswers", () => {
  it("maps left/right to A/B according to the assignment's placement", () => {
    expect(toStoredAnswers(axes, { overall: "left", appeal: -2 }, false)).toEqual({
      overall: "A",
      appeal: -2,
    });
    expect(toStoredAnswers(axes, { overall: "left", appeal: -2 }, true)).toEqual({ overall: "B", appeal: 2 });
    expect(toStoredAnswers(axes, { overall: "tie", appeal: 0, counting: "both_bad" }, true)).toEqual({
      overall: "tie",
      appeal: 0,
      counting: "both_bad",
    });
  });

  it("refuses a missing required answer, an unknown question and the wrong scale", () => {
    expect(() => toStoredAnswers(axes, { overall: "left" }, false)).toThrow(/"appeal" needs an answer/);
    expect(() => toStoredAnswers(axes, { overall: "left", appeal: 1, extra: "tie" }, false)).toThrow(
      /unknown question "extra"/,
    );
    expect(() => toStoredAnswers(axes, { overall: 1, appeal: 1 }, false)).toThrow(/left, right, tie/);
    expect(() => toStoredAnswers(axes, { overall: "left", appeal: "left" }, false)).toThrow(/-2 to 2/);
  });

  it("round-trips through toRaterAnswers", () => {
    for (const swapped of [false, true]) {
      const given = { overall: "right", appeal: 1, counting: "tie" } as const;
      expect(toRaterAnswers(toStoredAnswers(axes, given, swapped), swapped)).toEqual(given);
    }
  });
});

describe("preferredSide", () => {
  it("reads both scales", () => {
    expect(preferredSide("A")).toBe("A");
    expect(preferredSide(2)).toBe("B");
    expect(preferredSide(-1)).toBe("A");
    expect(preferredSide("tie")).toBeNull();
    expect(preferredSide(0)).toBeNull();
    expect(preferredSide(undefined)).toBeNull();
  });
});
