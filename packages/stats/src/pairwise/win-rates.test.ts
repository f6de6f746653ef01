import { describe, expect, it } from "vitest";
import type { Outcome, PairwiseJudgment } from "../outcomes";
import { seededRandom, type Random } from "../random";
import { majorityPerItem } from "./majority";
import { pairwiseResults, tooFewJudgments, tooFewPrompts, type PairResult } from "./win-rates";

let serial = 0;
/** Judgments of one prompt; `models` as stored (canonical or not). */
function onPrompt(
  promptId: string,
  outcomes: Outcome[],
  models: [string, string] = ["a", "b"],
): PairwiseJudgment[] {
  return outcomes.map((outcome) => {
    serial++;
    return {
      itemId: `${promptId}-${serial}`,
      promptId,
      raterId: `r${serial}`,
      modelA: models[0],
      modelB: models[1],
      outcome,
      leftWasA: true,
    };
  });
}

/** `prompts` prompts, each with the same outcomes. */
function repeated(prompts: number, outcomes: Outcome[]): PairwiseJudgment[] {
  return Array.from({ length: prompts }, (_, p) => onPrompt(`p${p}`, outcomes)).flat();
}

function only(results: PairResult[]): PairResult {
  expect(results).toHaveLength(1);
  return results[0]!;
}

/** Every number anywhere in the value is finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value && typeof value === "object") return Object.values(value).every(allFinite);
  return true;
}

const width = (interval: { low: number; high: number } | null) => interval!.high - interval!.low;

describe("pairwiseResults: values", () => {
  it("counts, win rate and net win rate of a hand-checkable pair, flipping judgments stored the other way", () => {
    const judgments = [
      ...onPrompt("p1", ["A", "A"]),
      ...onPrompt("p2", ["tie"]),
      // Stored as b vs a: "A" is a win for b, so a B win of the (a, b) pair.
      ...onPrompt("p2", ["A", "bothBad"], ["b", "a"]),
      ...onPrompt("p3", ["B"], ["b", "a"]),
    ];
    const result = only(pairwiseResults(judgments));
    expect(result.counts).toEqual({ modelA: "a", modelB: "b", aWins: 3, bWins: 1, ties: 1, bothBad: 1 });
    expect(result).toMatchObject({ key: "a|b", total: 6, decisive: 4, prompts: 3, level: 0.95 });
    // (3 − 1) / 6, ties and both-bad in the denominator.
    expect(result.netWinRate.value).toBeCloseTo(1 / 3, 12);
    // 3 of the 4 decisive judgments.
    expect(result.winRate.value).toBeCloseTo(0.75, 12);
    expect(result.winRate.wilson?.method).toBe("wilson");
    expect(result.netWinRate.bootstrap?.method).toBe("cluster-bootstrap");
    expect(result.warnings.map((w) => w.code)).toEqual(["few-judgments", "few-prompts"]);
  });

  it("gives the Wilson interval of aWins out of the decisive judgments (scipy reference)", () => {
    // 25 prompts × (A, A, B, tie) + 5 prompts × (A, A, B, bothBad, A, B) … built to total 30 A, 20 B:
    const judgments = [
      ...repeated(10, ["A", "A", "B", "tie"]),
      ...Array.from({ length: 5 }, (_, p) => onPrompt(`q${p}`, ["A", "A", "B", "B", "bothBad"])).flat(),
    ];
    const result = only(pairwiseResults(judgments));
    expect(result.counts).toMatchObject({ aWins: 30, bWins: 20, ties: 10, bothBad: 5 });
    // from scipy.stats import binomtest
    // binomtest(30, 50).proportion_ci(method="wilson")                       → (0.4618143774758936, 0.7239161026974346)
    // binomtest(30, 50).proportion_ci(confidence_level=0.9, method="wilson") → (0.48375270593523306, 0.7059806569075129)
    expect(result.winRate.value).toBe(0.6);
    expect(result.winRate.wilson!.low).toBeCloseTo(0.4618143774758936, 10);
    expect(result.winRate.wilson!.high).toBeCloseTo(0.7239161026974346, 10);
    const at90 = only(pairwiseResults(judgments, { level: 0.9 }));
    expect(at90.winRate.wilson!.low).toBeCloseTo(0.48375270593523306, 8);
    expect(at90.winRate.wilson!.high).toBeCloseTo(0.7059806569075129, 8);
    expect(result.netWinRate.value).toBeCloseTo(10 / 65, 12);
    // Intervals contain their estimate and the 90% ones are narrower.
    expect(result.netWinRate.bootstrap!.low).toBeLessThan(10 / 65);
    expect(result.netWinRate.bootstrap!.high).toBeGreaterThan(10 / 65);
    expect(width(at90.netWinRate.bootstrap)).toBeLessThan(width(result.netWinRate.bootstrap));
  });

  it("aggregates to the majority per item when asked", () => {
    const judgments = [...onPrompt("p1", ["A", "A", "B"]), ...onPrompt("p2", ["B", "B", "tie"])].map(
      (j, i) => ({
        ...j,
        itemId: i < 3 ? "item1" : "item2",
      }),
    );
    const majority = only(pairwiseResults(judgments, { aggregation: "majority-per-item" }));
    expect(majority.counts).toMatchObject({ aWins: 1, bWins: 1, ties: 0, bothBad: 0 });
    expect(majority).toEqual(only(pairwiseResults(majorityPerItem(judgments))));
  });
});

describe("pairwiseResults: bad input gives null with a reason, never NaN or Infinity", () => {
  it("reports a requested pair without judgments", () => {
    const result = only(pairwiseResults([], { pairs: [{ modelA: "z", modelB: "y" }] }));
    expect(result).toMatchObject({ modelA: "y", modelB: "z", total: 0, prompts: 0, warnings: [] });
    expect(result.winRate).toMatchObject({ value: null, wilson: null, bootstrap: null });
    expect(result.netWinRate).toMatchObject({ value: null, bootstrap: null, designEffect: null });
    expect(result.winRate.reason?.code).toBe("no-judgments");
    expect(result.netWinRate.reason?.code).toBe("no-judgments");
    expect(pairwiseResults([])).toEqual([]);
  });

  it("handles all ties and only both-bad: no win rate, a net win rate of 0 without an interval", () => {
    for (const outcome of ["tie", "bothBad"] as const) {
      const result = only(pairwiseResults(repeated(30, [outcome, outcome])));
      expect(result.winRate.value).toBeNull();
      expect(result.winRate.reason?.code).toBe("no-decisive-judgments");
      expect(result.netWinRate.value).toBe(0);
      expect(result.netWinRate.bootstrap).toBeNull();
      expect(result.netWinRate.reason?.code).toBe("no-variation");
      expect(result.netWinRate.designEffect).toBeNull();
      expect(allFinite(result)).toBe(true);
    }
  });

  it("keeps Wilson but drops a zero-width bootstrap when A always wins", () => {
    const result = only(pairwiseResults(repeated(30, ["A", "A"])));
    expect(result.winRate.value).toBe(1);
    // binomtest(60, 60).proportion_ci(method="wilson").low = 0.9398...; Wilson never claims certainty.
    expect(result.winRate.wilson!.low).toBeLessThan(1);
    expect(result.winRate.wilson!.high).toBe(1);
    expect(result.winRate.bootstrap).toBeNull();
    expect(result.winRate.reason?.code).toBe("no-variation");
    expect(result.netWinRate.value).toBe(1);
    expect(result.netWinRate.reason?.code).toBe("no-variation");
  });

  it("has no bootstrap with one prompt, and no win-rate bootstrap when decisive judgments sit on too few prompts", () => {
    const one = only(pairwiseResults(onPrompt("only", ["A", "B", "A", "tie"])));
    expect(one.winRate.wilson).not.toBeNull();
    expect(one.winRate.bootstrap).toBeNull();
    expect(one.winRate.reason?.code).toBe("one-prompt");
    expect(one.netWinRate.bootstrap).toBeNull();
    expect(one.netWinRate.reason?.code).toBe("one-prompt");

    const sparse = only(
      pairwiseResults([...repeated(30, ["tie"]), ...onPrompt("decisive", ["A", "B", "A"])]),
    );
    expect(sparse.winRate.value).toBeCloseTo(2 / 3, 12);
    expect(sparse.winRate.bootstrap).toBeNull();
    expect(sparse.winRate.reason?.code).toBe("few-defined-resamples");
    expect(sparse.netWinRate.bootstrap).not.toBeNull();
    expect(allFinite(sparse)).toBe(true);
  });

  it("rejects bad options with a one-line message", () => {
    const judgments = repeated(3, ["A", "B"]);
    expect(() => pairwiseResults(judgments, { rounds: 0 })).toThrow(/rounds/);
    expect(() => pairwiseResults(judgments, { level: 95 })).toThrow(/level/);
    expect(() => pairwiseResults(judgments, { seed: 0.5 })).toThrow(/seed/);
  });
});

describe("pairwiseResults: the cluster bootstrap", () => {
  const outcomes: Outcome[] = ["A", "B", "tie", "bothBad", "A"];
  const mixed = Array.from({ length: 40 }, (_, p) =>
    onPrompt(
      `p${p}`,
      Array.from({ length: 5 }, (_, r) => outcomes[(p * 7 + r * r) % 5]!),
    ),
  ).flat();

  it("is reproducible with a seed and independent of the judgments' order", () => {
    const first = pairwiseResults(mixed, { seed: 42 });
    expect(pairwiseResults(mixed, { seed: 42 })).toEqual(first);
    const shuffled = [...mixed].reverse();
    expect(pairwiseResults(shuffled, { seed: 42 })).toEqual(first);
    expect(pairwiseResults(mixed, { seed: 43 })[0]!.netWinRate.bootstrap).not.toEqual(
      first[0]!.netWinRate.bootstrap,
    );
  });

  it("does not move a pair's interval when another pair is added", () => {
    const withOther = [
      ...mixed,
      ...onPrompt("x", ["A", "B"], ["c", "d"]),
      ...onPrompt("y", ["A"], ["c", "d"]),
    ];
    expect(pairwiseResults(withOther)[0]).toEqual(pairwiseResults(mixed)[0]);
  });

  it("widens when raters of a prompt agree, where a judgment-level bootstrap would not", () => {
    const random = seededRandom(2024);
    const prompts = 40;
    const raters = 10;
    const draw = (): Outcome => (random.next() < 0.6 ? "A" : "B");
    // Clustered: the prompt decides, all its raters agree. Independent: every judgment is its own draw.
    const clustered = Array.from({ length: prompts }, (_, p) =>
      onPrompt(`p${p}`, new Array<Outcome>(raters).fill(draw())),
    ).flat();
    const independent = Array.from({ length: prompts }, (_, p) =>
      onPrompt(`p${p}`, Array.from({ length: raters }, draw)),
    ).flat();
    // The naive bootstrap: every judgment its own cluster.
    const naive = (judgments: PairwiseJudgment[]) => judgments.map((j) => ({ ...j, promptId: j.itemId }));

    const clusteredWidth = width(only(pairwiseResults(clustered)).netWinRate.bootstrap);
    const naiveWidth = width(only(pairwiseResults(naive(clustered))).netWinRate.bootstrap);
    const independentWidth = width(only(pairwiseResults(independent)).netWinRate.bootstrap);
    // With 10 agreeing raters a prompt is one judgment's worth: about √10 ≈ 3.2 times wider.
    expect(clusteredWidth / naiveWidth).toBeGreaterThan(2.2);
    expect(clusteredWidth / independentWidth).toBeGreaterThan(2.2);
    // Without clustering the two bootstraps agree.
    const independentNaive = width(only(pairwiseResults(naive(independent))).netWinRate.bootstrap);
    expect(independentWidth / independentNaive).toBeGreaterThan(0.75);
    expect(independentWidth / independentNaive).toBeLessThan(1.33);
    // The design effect says the same: about 10 when raters agree, about 1 when they are independent.
    expect(only(pairwiseResults(clustered)).netWinRate.designEffect).toBeGreaterThan(6);
    expect(only(pairwiseResults(clustered)).netWinRate.designEffect).toBeLessThan(14);
    expect(only(pairwiseResults(independent)).netWinRate.designEffect).toBeLessThan(1.6);
  });

  it("covers the true net win rate about 95% of the time on clustered data (200 simulated pairs)", () => {
    // Each prompt favours A (shares A .7, B .1, tie .1, both bad .1) or B (A .15, B .55, tie .2, both bad .1)
    // with probability ½: true net win rate ½·0.6 + ½·(−0.4) = 0.1. 40 prompts × 8 raters per pair.
    const truth = 0.1;
    const random = seededRandom(7);
    const pick = (shares: number[], r: Random): Outcome => {
      let u = r.next();
      const outcomes: Outcome[] = ["A", "B", "tie", "bothBad"];
      for (let k = 0; k < 3; k++) if ((u -= shares[k]!) < 0) return outcomes[k]!;
      return "bothBad";
    };
    let covered = 0;
    let coveredNaive = 0;
    const pairs = 200;
    for (let pair = 0; pair < pairs; pair++) {
      const judgments = Array.from({ length: 40 }, (_, p) => {
        const shares = random.next() < 0.5 ? [0.7, 0.1, 0.1, 0.1] : [0.15, 0.55, 0.2, 0.1];
        return onPrompt(
          `p${p}`,
          Array.from({ length: 8 }, () => pick(shares, random)),
        );
      }).flat();
      const cluster = only(pairwiseResults(judgments, { rounds: 500, seed: pair })).netWinRate.bootstrap!;
      if (cluster.low <= truth && truth <= cluster.high) covered++;
      const naive = judgments.map((j) => ({ ...j, promptId: j.itemId }));
      const judgmentLevel = only(pairwiseResults(naive, { rounds: 500, seed: pair })).netWinRate.bootstrap!;
      if (judgmentLevel.low <= truth && truth <= judgmentLevel.high) coveredNaive++;
    }
    expect(covered / pairs).toBeGreaterThanOrEqual(0.9);
    expect(covered / pairs).toBeLessThanOrEqual(0.98);
    // A bootstrap of judgments ignores the clustering and covers far less: the test can tell them apart.
    expect(coveredNaive / pairs).toBeLessThan(0.85);
  });
});

describe("tooFewJudgments and tooFewPrompts", () => {
  it("flag below 30 judgments and 20 prompts by default, or the given minimum", () => {
    expect(tooFewJudgments(29)).toBe(true);
    expect(tooFewJudgments(30)).toBe(false);
    expect(tooFewJudgments(99, 100)).toBe(true);
    expect(tooFewJudgments(Number.NaN)).toBe(true);
    expect(tooFewPrompts(19)).toBe(true);
    expect(tooFewPrompts(20)).toBe(false);
  });
});
