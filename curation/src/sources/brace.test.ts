import { describe, expect, it } from "vitest";
import { BracePatternError, countBraceExpansion, expandBraces } from "./brace";

describe("expandBraces", () => {
  it("expands zero-padded numeric ranges like WebDataset shard lists", () => {
    const names = expandBraces("data-{0000..0099}.tar");
    expect(names).toHaveLength(100);
    expect(names[0]).toBe("data-0000.tar");
    expect(names[99]).toBe("data-0099.tar");
  });

  it("pads only when a bound has a leading zero, and counts down", () => {
    expect(expandBraces("s{8..11}")).toEqual(["s8", "s9", "s10", "s11"]);
    expect(expandBraces("s{08..11}")).toEqual(["s08", "s09", "s10", "s11"]);
    expect(expandBraces("s{3..1}")).toEqual(["s3", "s2", "s1"]);
  });

  it("expands lists and combinations, leftmost group slowest", () => {
    expect(expandBraces("{train,val}/{0..1}.tar")).toEqual([
      "train/0.tar",
      "train/1.tar",
      "val/0.tar",
      "val/1.tar",
    ]);
    expect(countBraceExpansion("{a,b,c}-{00..09}")).toBe(30);
  });

  it("leaves a name without braces as it is", () => {
    expect(expandBraces("plain.tar")).toEqual(["plain.tar"]);
  });

  it("refuses malformed patterns with a message naming the problem", () => {
    expect(() => expandBraces("a{0..3")).toThrow(/unmatched "\{"/);
    expect(() => expandBraces("a}0")).toThrow(/unmatched "\}"/);
    expect(() => expandBraces("a{x}")).toThrow(/neither a range .* nor a list/);
    expect(() => expandBraces("a{{0..1},b}")).toThrow(/nested braces/);
    expect(() => expandBraces("a{0..3}")).not.toThrow();
    expect(() => expandBraces("{0..9}{0..9}", 50)).toThrow(BracePatternError);
  });
});
