import { describe, expect, it } from "vitest";
import { auditKeyAction, AUDIT_SHORTCUTS } from "./audit-keys";

describe("auditKeyAction", () => {
  it("maps each shortcut the help lists, in either case, and nothing else", () => {
    expect(AUDIT_SHORTCUTS.map((s) => auditKeyAction(s.keys))).toEqual([
      "drop",
      "keep",
      "unsure",
      "back",
      "help",
    ]);
    expect(auditKeyAction("D")).toBe("drop");
    expect(auditKeyAction("x")).toBeNull();
    expect(auditKeyAction("Enter")).toBeNull();
  });
});
