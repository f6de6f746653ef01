import { describe, expect, it } from "vitest";
import { rankByRating, rankWithUpperBound } from "./rank";

describe("rankWithUpperBound", () => {
  it("counts only the models whose whole interval lies above", () => {
    // Hand-checked: a's interval is above everyone's; b and c overlap; d is below a and b only.
    const ranks = rankWithUpperBound([
      { model: "a", low: 1100, high: 1150 },
      { model: "b", low: 1040, high: 1090 },
      { model: "c", low: 1000, high: 1060 },
      { model: "d", low: 950, high: 1035 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 2, c: 2, d: 3 });
  });

  it("does not separate touching intervals and gives rank 1 to overlapping leaders", () => {
    const ranks = rankWithUpperBound([
      { model: "a", low: 1000, high: 1100 },
      { model: "b", low: 900, high: 1000 },
      { model: "c", low: 950, high: 1050 },
    ]);
    // a.low = 1000 is not strictly above b.high = 1000.
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 1, c: 1 });
  });

  it("handles no models and one model", () => {
    expect(rankWithUpperBound([]).size).toBe(0);
    expect(rankWithUpperBound([{ model: "solo", low: 990, high: 1010 }]).get("solo")).toBe(1);
  });
});

describe("rankByRating", () => {
  it("is the competition rank: equal ratings share the better rank", () => {
    const ranks = rankByRating([
      { model: "a", rating: 1200 },
      { model: "b", rating: 1100 },
      { model: "c", rating: 1100 },
      { model: "d", rating: 900 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });
});
