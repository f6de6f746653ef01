import { describe, expect, it } from "vitest";
import type { StoredAnswers } from "../assignments/answers";
import type { Axis } from "../studies/config";
import { computeStudyResults, outcomeOf } from "./compute";
import type { LoadedJudgment } from "./load-judgments";
import { RESULT_TABLES, resultTableRows, toCsv } from "./tables";

const axis: Axis = { id: "overall", question: "Which is better?", scale: "ab-tie-bothbad", required: true };
const fivePoint: Axis = { id: "scale", question: "How much better?", scale: "five-point", required: false };
const names = new Map([
  ["m1", "alpha"],
  ["m2", "beta"],
  ["m3", "gamma"],
  ["m4", "delta"],
]);

let n = 0;
function judgment(
  modelA: string,
  modelB: string,
  answers: StoredAnswers,
  extra: Partial<LoadedJudgment> = {},
) {
  n++;
  // Three raters per item; an item is one prompt.
  const item = Math.floor(n / 3);
  return {
    raterId: `r${n % 3}`,
    raterExcluded: false,
    taskId: `t-${modelA}-${modelB}-${item}`,
    promptId: `p${item % 7}`,
    tags: [item % 2 ? "odd" : "even"],
    modelA,
    modelB,
    isGold: false,
    goldAnswers: null,
    swapped: n % 2 === 0,
    answers,
    ...extra,
  } satisfies LoadedJudgment;
}

/** Every number in the document is finite: JSON would turn NaN and Infinity into null silently. */
function expectAllFinite(value: unknown, path = "results"): void {
  if (typeof value === "number") expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectAllFinite(v, `${path}[${i}]`));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${path}.${k}`);
}

const compute = (
  judgments: LoadedJudgment[],
  axes: Axis[] = [axis],
  plannedPairs = [{ modelA: "m1", modelB: "m2" }],
) => computeStudyResults({ axes, modelNames: names, plannedPairs, judgments, rounds: 50 });

describe("outcomeOf", () => {
  it("reads both scales in A/B terms", () => {
    expect([outcomeOf("A"), outcomeOf("B"), outcomeOf("tie"), outcomeOf("both_bad")]).toEqual([
      "A",
      "B",
      "tie",
      "bothBad",
    ]);
    expect([outcomeOf(-2), outcomeOf(0), outcomeOf(1), outcomeOf(undefined)]).toEqual([
      "A",
      "tie",
      "B",
      null,
    ]);
  });
});

describe("computeStudyResults", () => {
  it("leaves out excluded raters and gold items, and counts them apart", () => {
    const results = compute([
      judgment("m1", "m2", { overall: "A" }),
      judgment("m1", "m2", { overall: "A" }, { raterExcluded: true, raterId: "bad" }),
      judgment("m1", "m2", { overall: "B" }, { isGold: true, goldAnswers: { overall: "A" } }),
    ]);
    expect(results.judgments).toEqual({ counted: 1, byExcludedRaters: 1, gold: 1 });
    expect(results.excludedRaters).toBe(1);
    expect(results.axes[0]!.every.pairs[0]!.counts).toMatchObject({ aWins: 1, bWins: 0 });
    expect(results.axes[0]!.reliability.gold.overall).toMatchObject({ correct: 0, judged: 1 });
  });

  it("names models and skips judgments that did not answer an optional axis", () => {
    const results = compute(
      [judgment("m1", "m2", { overall: "A", scale: -2 }), judgment("m2", "m1", { overall: "B" })],
      [axis, fivePoint],
    );
    expect(results.models).toEqual(["alpha", "beta", "delta", "gamma"]);
    expect(results.axes.map((a) => a.judgments)).toEqual([2, 1]);
    expect(results.axes[0]!.every.pairs[0]).toMatchObject({ modelA: "alpha", modelB: "beta" });
  });

  const badInputs: [string, LoadedJudgment[], { modelA: string; modelB: string }[]][] = [
    ["no judgments at all", [], [{ modelA: "m1", modelB: "m2" }]],
    [
      "a pair without judgments",
      [judgment("m1", "m2", { overall: "A" })],
      [
        { modelA: "m1", modelB: "m2" },
        { modelA: "m3", modelB: "m4" },
      ],
    ],
    ["only ties", Array.from({ length: 9 }, () => judgment("m1", "m2", { overall: "tie" })), []],
    ["only both bad", Array.from({ length: 9 }, () => judgment("m1", "m2", { overall: "both_bad" })), []],
    ["one model always wins", Array.from({ length: 9 }, () => judgment("m1", "m2", { overall: "A" })), []],
    [
      "a comparison graph in two parts",
      [
        ...Array.from({ length: 6 }, (_, i) => judgment("m1", "m2", { overall: i % 3 ? "A" : "B" })),
        ...Array.from({ length: 6 }, (_, i) => judgment("m3", "m4", { overall: i % 3 ? "B" : "A" })),
      ],
      [],
    ],
  ];
  for (const [name, judgments, plannedPairs] of badInputs)
    it(`gives finite numbers or explained nulls for ${name}`, () => {
      const results = compute(judgments, [axis, fivePoint], plannedPairs);
      expectAllFinite(results);
      for (const table of RESULT_TABLES) {
        const csv = toCsv(resultTableRows(results, table));
        expect(csv).not.toMatch(/NaN|Infinity/);
      }
    });

  it("explains what it cannot rate", () => {
    const results = compute(Array.from({ length: 9 }, () => judgment("m1", "m2", { overall: "A" })));
    const warnings = results.axes[0]!.every.ratings.warnings.map((w) => w.kind);
    expect(warnings).toContain("unbeaten");
    const split = compute([
      judgment("m1", "m2", { overall: "A" }),
      judgment("m3", "m4", { overall: "B" }),
      judgment("m1", "m2", { overall: "B" }),
      judgment("m3", "m4", { overall: "A" }),
    ]);
    expect(split.axes[0]!.every.ratings.warnings.map((w) => w.kind)).toContain("disconnected");
  });
});

describe("toCsv", () => {
  it("quotes separators and defuses spreadsheet formulas in text", () => {
    expect(toCsv([{ model: 'a,"b"', tag: "=HYPERLINK()", rating: -3.5, note: null }])).toBe(
      'model,tag,rating,note\r\n"a,""b""",\'=HYPERLINK(),-3.5,\r\n',
    );
    expect(toCsv([])).toBe("");
  });
});
