import { describe, expect, it } from "vitest";
import { firstLine, topLevelMembers } from "./json-shape";

describe("topLevelMembers", () => {
  it("gives each top-level item's line and its own items' lines", () => {
    const text = '[\n  "a",\n  ["b",\n   "c"], {"k": 1,\n "l": 2},\n  3\n]';
    expect(topLevelMembers(text)).toEqual([
      { line: 2, members: [] },
      { line: 3, members: [3, 4] },
      { line: 4, members: [4, 5] },
      { line: 6, members: [] },
    ]);
  });

  it("gives an object's keys, repeated ones once per occurrence, and ignores brackets in strings", () => {
    const text = '{\n "a\\"[{": ["x,]"],\n "b": {},\n "a\\"[{": []\n}';
    expect(topLevelMembers(text)).toEqual([
      { line: 2, key: 'a"[{', members: [2] },
      { line: 3, key: "b", members: [] },
      { line: 4, key: 'a"[{', members: [] },
    ]);
  });

  it("has nothing to say about an empty container or a scalar", () => {
    expect(topLevelMembers("[ ]")).toEqual([]);
    expect(topLevelMembers("{}")).toEqual([]);
    expect(topLevelMembers('"x"')).toEqual([]);
  });

  it("firstLine skips leading blank lines", () => {
    expect(firstLine("\n\n  {")).toBe(3);
    expect(firstLine("[")).toBe(1);
  });
});
