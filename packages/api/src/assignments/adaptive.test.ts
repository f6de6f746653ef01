import { describe, expect, it } from "vitest";
import { mostUncertainPair } from "./adaptive";

describe("mostUncertainPair", () => {
  it("picks the pair with the widest interval: a close, thinly judged pair over a clear one", () => {
    expect(
      mostUncertainPair([
        { pairKey: "clear", aWins: 30, bWins: 2 },
        { pairKey: "close", aWins: 6, bWins: 5 },
        { pairKey: "many", aWins: 60, bWins: 58 },
      ]),
    ).toBe("close");
  });
  it("prefers a pair with no decisive judgments, and returns null for no pairs", () => {
    expect(
      mostUncertainPair([
        { pairKey: "x", aWins: 3, bWins: 3 },
        { pairKey: "none", aWins: 0, bWins: 0 },
      ]),
    ).toBe("none");
    expect(mostUncertainPair([])).toBeNull();
  });
});
