import { describe, expect, it } from "vitest";
import { groupAgreement, verdictOf } from "./filter-precision";

describe("verdictOf", () => {
  it("is the strict majority of drop and keep answers; unsure abstains; a tie is undecided", () => {
    expect(verdictOf(["drop"])).toBe("drop");
    expect(verdictOf(["drop", "keep", "drop"])).toBe("drop");
    expect(verdictOf(["drop", "keep", "unsure"])).toBeNull();
    expect(verdictOf(["unsure", "keep"])).toBe("keep");
    expect(verdictOf(["unsure"])).toBeNull();
    expect(verdictOf([])).toBeNull();
  });
});

describe("groupAgreement", () => {
  it("measures each stage's precision and the kept set's miss rate, with Wilson intervals", () => {
    const rows = groupAgreement([
      { group: "blur", answers: ["drop"] },
      { group: "blur", answers: ["drop"] },
      { group: "blur", answers: ["keep"] },
      { group: "blur", answers: ["unsure"] },
      { group: "blur", answers: [] },
      { group: "kept", answers: ["keep", "keep"] },
      { group: "kept", answers: ["drop", "drop", "keep"] },
    ]);
    expect(rows.map((r) => [r.group, r.sampled, r.answered, r.decided, r.shouldDrop])).toEqual([
      ["blur", 5, 4, 3, 2],
      ["kept", 2, 2, 2, 1],
    ]);
    expect(rows[0]!.share).toBeCloseTo(2 / 3, 12);
    // Wilson 95% for 2/3 (statsmodels proportion_confint(2, 3, method="wilson")).
    expect(rows[0]!.interval![0]).toBeCloseTo(0.2077, 4);
    expect(rows[0]!.interval![1]).toBeCloseTo(0.9385, 4);
    expect(rows[1]!.share).toBe(0.5);
  });

  it("has no share or interval for a group nobody has decided yet", () => {
    expect(groupAgreement([{ group: "ocr", answers: ["unsure"] }])[0]).toMatchObject({
      decided: 0,
      share: null,
      interval: null,
    });
  });
});
