import { describe, expect, it } from "vitest";
import { preferenceRows, type JudgedPair, type Preference } from "./preference-rows";

const image = (model: string, sha: string) => ({
  outputId: `o-${sha}`,
  sha256: sha,
  mime: "image/png",
  model,
});
let n = 0;
const judged = (taskId: string, preference: Preference, over: Partial<JudgedPair> = {}): JudgedPair => ({
  judgmentId: `j${String(++n).padStart(3, "0")}`,
  studyId: "s",
  taskId,
  promptId: `p-${taskId}`,
  prompt: `prompt ${taskId}`,
  raterId: `r${n}`,
  raterExcluded: false,
  isGold: false,
  a: image("alpha", `${taskId}a`),
  b: image("beta", `${taskId}b`),
  preference,
  createdAt: new Date(1_700_000_000_000 + n),
  ...over,
});

const defaults = {
  aggregation: "every" as const,
  ties: "half" as const,
  excludeFlaggedRaters: true,
  excludeGold: true,
  minAgreement: 0,
};

describe("preferenceRows", () => {
  const input = [
    judged("t1", "a"),
    judged("t1", "a"),
    judged("t1", "b"),
    judged("t2", "tie"),
    judged("t3", "b", { raterExcluded: true }),
    judged("t4", "a", { isGold: true }),
    judged("t5", "a"),
    judged("t5", "b"),
  ];

  it("keeps every counted judgment, leaving out flagged raters and gold items", () => {
    const { rows, excluded } = preferenceRows(input, defaults);
    expect(rows.map((r) => [r.itemId, r.preference])).toEqual([
      ["t1", "a"],
      ["t1", "a"],
      ["t1", "b"],
      ["t2", "tie"],
      ["t5", "a"],
      ["t5", "b"],
    ]);
    expect(excluded).toEqual({ flaggedRater: 1, gold: 1, lowAgreement: 0, tie: 0, unscored: 0 });
    expect(rows[0]!.agreement).toBeCloseTo(2 / 3, 12);
  });

  it("takes each item's majority; an even split is a tie, and ties can be dropped", () => {
    const { rows, excluded } = preferenceRows(input, { ...defaults, aggregation: "majority", ties: "drop" });
    expect(rows.map((r) => [r.id, r.preference, r.judgments, r.raterIds.length])).toEqual([
      ["t1", "a", 3, 3],
    ]);
    // t2 (a tie) and t5 (one each way) are ties, dropped.
    expect(excluded.tie).toBe(2);
  });

  it("leaves out items whose raters agree less than the threshold", () => {
    const { rows, excluded } = preferenceRows(input, { ...defaults, minAgreement: 0.6 });
    // t1 agrees 2/3 (kept); t5 1/2 (out, both its rows); single judgments agree fully.
    expect(rows.map((r) => r.itemId)).toEqual(["t1", "t1", "t1", "t2"]);
    expect(excluded.lowAgreement).toBe(2);
  });

  it("keeps flagged raters and gold items when asked", () => {
    const { rows } = preferenceRows(input, { ...defaults, excludeFlaggedRaters: false, excludeGold: false });
    expect(rows).toHaveLength(8);
  });
});
