import { describe, expect, it } from "vitest";
import type { ExportRow } from "./export-row";
import { rankImagesByPrompt } from "./rank-images";

const row = (imageA: string, imageB: string, preference: ExportRow["preference"]): ExportRow =>
  ({
    id: `${imageA}-${imageB}`,
    itemId: `${imageA}-${imageB}`,
    promptId: "p",
    prompt: "a cat",
    imageA,
    imageB,
    modelA: `m-${imageA}`,
    modelB: `m-${imageB}`,
    preference,
  }) as ExportRow;

describe("rankImagesByPrompt", () => {
  it("ranks by wins minus losses, equal scores sharing a rank (1, 2, 2, 4)", () => {
    // x beats y and z; y and z tie with each other; w loses to y and z.
    const [ranked] = rankImagesByPrompt([
      row("x", "y", "a"),
      row("z", "x", "b"),
      row("y", "z", "tie"),
      row("w", "y", "b"),
      row("z", "w", "a"),
    ]);
    expect(ranked!.images).toEqual(["x", "y", "z", "w"]);
    expect(ranked!.ranks).toEqual([1, 2, 2, 4]);
    expect(ranked!.models).toEqual(["m-x", "m-y", "m-z", "m-w"]);
  });
});
