/** The filter audit's keys: one verdict per key, plus going back to change the last answer. */
export type AuditKeyAction = "drop" | "keep" | "unsure" | "back" | "help";

export const AUDIT_SHORTCUTS = [
  { keys: "d", action: "Drop it: it should not be in the training set" },
  { keys: "k", action: "Keep it: it belongs in the training set" },
  { keys: "u", action: "Unsure" },
  { keys: "b", action: "Back: show the item you answered last, to change your answer" },
  { keys: "?", action: "Show or hide these keys" },
] as const;

export function auditKeyAction(key: string): AuditKeyAction | null {
  switch (key.toLowerCase()) {
    case "d":
      return "drop";
    case "k":
      return "keep";
    case "u":
      return "unsure";
    case "b":
      return "back";
    case "?":
      return "help";
    default:
      return null;
  }
}
