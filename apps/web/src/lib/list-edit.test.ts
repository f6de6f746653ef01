import { describe, expect, it } from "vitest";
import { idFromLabel, moveItem, splitList, toggle } from "./list-edit";

describe("moveItem", () => {
  it("moves an item by one place and stops at the ends", () => {
    expect(moveItem(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("idFromLabel", () => {
  it("gives an id the policy schema accepts", () => {
    expect(idFromLabel("Self-harm")).toBe("self-harm");
    expect(idFromLabel("IP & trademarks")).toBe("ip_trademarks");
    expect(idFromLabel("  Violence and gore ")).toBe("violence_and_gore");
    expect(idFromLabel("年齢")).toBe("");
    expect(idFromLabel("x".repeat(50))).toHaveLength(40);
  });
});

describe("toggle and splitList", () => {
  it("adds a checked id once and removes an unchecked one", () => {
    expect(toggle(["a"], "b", true)).toEqual(["a", "b"]);
    expect(toggle(["a", "b"], "b", true)).toEqual(["a", "b"]);
    expect(toggle(["a", "b"], "a", false)).toEqual(["b"]);
  });

  it("splits a comma list into distinct trimmed items", () => {
    expect(splitList(" red-team, people,,red-team ")).toEqual(["red-team", "people"]);
    expect(splitList("")).toEqual([]);
  });
});
