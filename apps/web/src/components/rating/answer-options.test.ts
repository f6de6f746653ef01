import { describe, expect, it } from "vitest";
import { ANSWER_OPTIONS, answerForKey } from "./answer-options";

describe("answerForKey", () => {
  it("maps number keys along each scale and arrows to left/right", () => {
    expect(answerForKey("ab-tie-bothbad", "1")).toBe("left");
    expect(answerForKey("ab-tie-bothbad", "4")).toBe("both_bad");
    expect(answerForKey("ab-tie-bothbad", "5")).toBeUndefined();
    expect(answerForKey("five-point", "5")).toBe(2);
    expect(answerForKey("five-point", "ArrowLeft")).toBe(-1);
    expect(answerForKey("ab-tie-bothbad", "ArrowRight")).toBe("right");
  });
  it("gives every option a distinct key", () => {
    for (const options of Object.values(ANSWER_OPTIONS))
      expect(new Set(options.map((o) => o.key)).size).toBe(options.length);
  });
});
