import { describe, expect, it } from "vitest";
import { excludesZero, formatFraction, formatPoints, formatRate } from "./format-rate";

describe("formatRate", () => {
  it("gives the rate and its 95% interval with one decimal", () => {
    expect(formatRate({ rate: 3 / 24, n: 24, interval: [0.0434, 0.3101] })).toBe("12.5% (4.3–31.0%)");
    expect(formatRate({ rate: 0, n: 10, interval: [0, 0.2775] })).toBe("0.0% (0.0–27.8%)");
  });

  it("gives a dash, never NaN, when no item was decided", () => {
    expect(formatRate({ rate: 0, n: 0, interval: [0, 1] })).toBe("—");
    expect(formatRate({ rate: Number.NaN, n: 5, interval: [0, 1] })).toBe("—");
  });

  it("shows the count behind the rate", () => {
    expect(formatFraction({ count: 3, n: 24 })).toBe("3/24");
  });
});

describe("formatPoints", () => {
  it("signs differences in percentage points and never shows −0.0", () => {
    expect(formatPoints(0.0833)).toBe("+8.3");
    expect(formatPoints(-0.021)).toBe("−2.1");
    expect(formatPoints(-0.0001)).toBe("0.0");
    expect(formatPoints(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("excludesZero", () => {
  it("is true only when the whole interval lies on one side of zero", () => {
    expect(excludesZero([0.01, 0.2])).toBe(true);
    expect(excludesZero([-0.3, -0.05])).toBe(true);
    expect(excludesZero([-0.1, 0.2])).toBe(false);
    expect(excludesZero([0, 0.2])).toBe(false);
  });
});
