import { describe, expect, it } from "vitest";
import { auditDetails } from "./audit-details";

describe("auditDetails", () => {
  it("reads an entry's JSON as key: value pairs", () => {
    expect(auditDetails({ version: 3, categories: ["sexual", "hate"], note: "tighter" })).toBe(
      "version: 3; categories: sexual, hate; note: tighter",
    );
    expect(auditDetails({ reason: null, nested: { a: 1 } })).toBe('reason: —; nested: {"a":1}');
    expect(auditDetails(null)).toBe("");
  });
});
