import { describe, expect, it } from "vitest";
import { hasRole } from "./roles";

describe("hasRole", () => {
  it("orders roles from rater to owner", () => {
    expect(hasRole("owner", "researcher")).toBe(true);
    expect(hasRole("researcher", "researcher")).toBe(true);
    expect(hasRole("curator", "researcher")).toBe(false);
    expect(hasRole("rater", "reviewer")).toBe(false);
    expect(hasRole("reviewer", "rater")).toBe(true);
  });
});
