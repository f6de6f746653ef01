import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "@loupe/stats";
import { ExportTally } from "./export-tally";
import type { ExportRow } from "./formats/export-row";
import type { JudgedPair, Preference } from "./preference-rows";

const image = { outputId: "o", sha256: "s", mime: "image/png", model: "m" };
const judged = (taskId: string, preference: Preference, over: Partial<JudgedPair> = {}): JudgedPair => ({
  judgmentId: `${taskId}-${Math.random()}`,
  studyId: over.studyId ?? "s1",
  taskId,
  promptId: `p-${taskId}`,
  prompt: "",
  raterId: "r",
  raterExcluded: false,
  isGold: false,
  a: image,
  b: image,
  preference,
  createdAt: new Date(0),
  ...over,
});
const row = (itemId: string, preference: Preference, judgments: number, agreement: number): ExportRow => ({
  id: itemId,
  itemId,
  promptId: `p-${itemId}`,
  prompt: "",
  a: image,
  b: image,
  preference,
  raterIds: [],
  agreement,
  judgments,
  createdAt: new Date(0),
  split: itemId === "t4" ? "test" : "train",
  raters: [],
  modelA: "m",
  modelB: "m",
  imageA: "",
  imageB: "",
});

describe("ExportTally", () => {
  // Items t1..t4 over two batches; t5 was judged but left out of the export; a flagged rater's
  // judgment on t1 is not counted.
  const first = [
    judged("t1", "a"),
    judged("t1", "a"),
    judged("t1", "b", { raterExcluded: true }),
    judged("t2", "a"),
    judged("t2", "tie"),
  ];
  const second = [
    judged("t3", "a"),
    judged("t3", "a"),
    judged("t4", "b", { studyId: "s2" }),
    judged("t4", "b", { studyId: "s2" }),
    judged("t4", "a", { studyId: "s2" }),
    judged("t5", "b"),
    judged("t5", "a"),
  ];
  const tally = new ExportTally((j) => !j.raterExcluded);
  tally.addJudged(first);
  tally.addRows([row("t1", "a", 2, 1), row("t2", "tie", 2, 0.5)], first);
  tally.addJudged(second);
  tally.addRows([row("t3", "a", 2, 1), row("t4", "b", 3, 2 / 3)], second);

  it("counts rows, prompts and labels per split, and judgments per study", () => {
    expect(tally.counts()).toEqual({
      rows: 4,
      splits: {
        train: { rows: 3, prompts: 3, a: 2, b: 0, tie: 1 },
        test: { rows: 1, prompts: 1, a: 0, b: 1, tie: 0 },
      },
    });
    expect(tally.judgmentsOf("s1")).toBe(9);
    expect(tally.judgmentsOf("s2")).toBe(3);
  });

  it("gives the α of every exported item's counted answers, from answer patterns", () => {
    const units = [
      ["a", "a"],
      ["a", "tie"],
      ["a", "a"],
      ["b", "b", "a"],
    ].map((values, i) => ({ unitId: `t${i + 1}`, values: values.map((value) => ({ raterId: "", value })) }));
    const expected = krippendorffAlpha(units, { level: "nominal" });
    const agreement = tally.agreement();
    expect(agreement.krippendorffAlpha).toBeCloseTo(expected.alpha!, 12);
    expect(agreement).toMatchObject({ items: 4, itemsWithTwoOrMore: 4, alphaUndefinedReason: null });
    expect(agreement.meanAgreement).toBeCloseTo((1 + 0.5 + 1 + 2 / 3) / 4, 12);
  });
});
