import { describe, expect, it } from "vitest";
import { attributeKeys, reviewKeyAction, type KeyContext } from "./review-keys";

const reviewing: KeyContext = {
  phase: "reviewing",
  hasItem: true,
  overlay: null,
  representationIndex: null,
  attributeValueCounts: [3, 2],
  categoryCount: 10,
  severityCount: 3,
  revealed: false,
};

describe("attributeKeys", () => {
  it("numbers the values and gives Unsure the next digit", () => {
    expect(attributeKeys(3)).toEqual(["1", "2", "3", "4"]);
  });
  it("gives Unsure 0 once the digits run out", () => {
    expect(attributeKeys(8)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(attributeKeys(9).at(-1)).toBe("0");
    expect(attributeKeys(11).slice(9)).toEqual([null, null, "0"]);
  });
});

describe("reviewKeyAction", () => {
  it("maps digits to categories (0 is the tenth) and q…y to severities", () => {
    expect(reviewKeyAction("1", reviewing)).toEqual({ type: "toggle-category", index: 0 });
    expect(reviewKeyAction("0", reviewing)).toEqual({ type: "toggle-category", index: 9 });
    expect(reviewKeyAction("3", { ...reviewing, categoryCount: 2 })).toBeNull();
    expect(reviewKeyAction("W", reviewing)).toEqual({ type: "severity", index: 1 });
    expect(reviewKeyAction("r", reviewing)).toBeNull();
  });
  it("reveals with v or Space, and Space plays once revealed", () => {
    expect(reviewKeyAction("v", reviewing)).toEqual({ type: "reveal" });
    expect(reviewKeyAction(" ", reviewing)).toEqual({ type: "reveal" });
    expect(reviewKeyAction(" ", { ...reviewing, revealed: true })).toEqual({ type: "play" });
  });
  it("sends digits to the active attribute in representation mode", () => {
    const mode = { ...reviewing, representationIndex: 1 };
    expect(reviewKeyAction("2", mode)).toEqual({ type: "answer-attribute", attribute: 1, value: 1 });
    expect(reviewKeyAction("3", mode)).toEqual({ type: "answer-attribute", attribute: 1, value: 2 });
    // Past Unsure the digit is a category again.
    expect(reviewKeyAction("4", mode)).toEqual({ type: "toggle-category", index: 3 });
    expect(reviewKeyAction("Enter", mode)).toEqual({ type: "submit" });
  });
  it("offers representation mode only on audited items", () => {
    expect(reviewKeyAction("a", reviewing)).toEqual({ type: "enter-representation" });
    expect(reviewKeyAction("a", { ...reviewing, attributeValueCounts: [] })).toBeNull();
  });
  it("lets a break prompt take nothing but Enter", () => {
    const onBreak = { ...reviewing, overlay: "break" as const };
    expect(reviewKeyAction("1", onBreak)).toBeNull();
    expect(reviewKeyAction("?", onBreak)).toBeNull();
    expect(reviewKeyAction("Enter", onBreak)).toEqual({ type: "dismiss-break" });
  });
  it("picks skip reasons by number while the chooser is open", () => {
    const skip = { ...reviewing, overlay: "skip" as const };
    expect(reviewKeyAction("2", skip)).toEqual({ type: "skip", reason: "media-broken" });
    expect(reviewKeyAction("Enter", skip)).toBeNull();
    expect(reviewKeyAction("Escape", skip)).toEqual({ type: "close" });
  });
  it("starts from the instructions with Enter and only undoes once the queue is empty", () => {
    expect(reviewKeyAction("Enter", { ...reviewing, phase: "instructions" })).toEqual({ type: "start" });
    expect(reviewKeyAction("1", { ...reviewing, phase: "instructions" })).toBeNull();
    const done = { ...reviewing, phase: "done" as const, hasItem: false };
    expect(reviewKeyAction("u", done)).toEqual({ type: "undo" });
    expect(reviewKeyAction("Enter", done)).toBeNull();
  });
});
