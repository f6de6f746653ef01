import { describe, expect, it } from "vitest";
import { superjsonLite } from "./transformer";

describe("superjsonLite", () => {
  it("round-trips Date and BigInt through JSON", () => {
    const value = {
      at: new Date("2026-01-02T03:04:05.000Z"),
      n: 12345678901234567890n,
      list: [1, "a", null],
    };
    const wire = JSON.parse(JSON.stringify(superjsonLite.serialize(value)));
    expect(superjsonLite.deserialize(wire)).toEqual(value);
  });
});
