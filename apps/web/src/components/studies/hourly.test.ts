import { describe, expect, it } from "vitest";
import { last24Hours } from "./hourly";

describe("last24Hours", () => {
  it("gives 24 hourly slots ending with the current hour, zero where nothing was judged", () => {
    const now = Date.parse("2025-03-10T14:35:00Z");
    const hours = last24Hours(
      [
        { hour: new Date("2025-03-10T14:00:00Z"), judgments: 7 },
        { hour: new Date("2025-03-09T15:00:00Z"), judgments: 2 },
        { hour: new Date("2025-03-09T14:00:00Z"), judgments: 99 }, // 24 h ago: outside the window
      ],
      now,
    );
    expect(hours).toHaveLength(24);
    expect(hours[0]).toEqual({ start: new Date("2025-03-09T15:00:00Z"), judgments: 2 });
    expect(hours[23]).toEqual({ start: new Date("2025-03-10T14:00:00Z"), judgments: 7 });
    expect(hours.slice(1, 23).every((h) => h.judgments === 0)).toBe(true);
  });
});
