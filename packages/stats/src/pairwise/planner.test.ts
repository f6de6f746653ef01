import { describe, expect, it } from "vitest";
import type { Outcome, PairCounts, PairwiseJudgment } from "../outcomes";
import { seededRandom } from "../random";
import { nextPairToServe, planSampleSize } from "./planner";
import { binomial } from "../random";
import { pairwiseResults } from "./win-rates";

function counts(aWins: number, bWins: number, ties: number, bothBad: number, modelB = "b"): PairCounts {
  return { modelA: "a", modelB, aWins, bWins, ties, bothBad };
}

/**
 * Brute force: `studies` simulated studies of n judgments with the given shares; per study the normal
 * interval d̂ ± z·√((p̂A + p̂B − d̂²)/n). Returns the mean width and the share of intervals above 0.
 */
function simulateStudies(shares: [number, number, number, number], n: number, studies: number) {
  const random = seededRandom(99);
  const z = 1.959963984540054;
  let widths = 0;
  let above = 0;
  for (let s = 0; s < studies; s++) {
    const a = binomial(random, n, shares[0]);
    const b = binomial(random, n - a, shares[1] / (1 - shares[0]));
    const d = (a - b) / n;
    const half = z * Math.sqrt(Math.max(0, (a + b) / n - d * d) / n);
    widths += 2 * half;
    if (d - half > 0) above++;
  }
  return { width: widths / studies, power: above / studies };
}

describe("planSampleSize: interval width", () => {
  it("matches the closed form when the shares are well known, and simulated studies confirm the width", () => {
    // Shares .35/.25/.30/.10 known from 100 000 judgments: V = .6 − .1² = .59,
    // needed = ⌈(2·1.96·√.59 / 0.1)²⌉ = ⌈906.7⌉.
    const [plan] = planSampleSize([counts(35_000, 25_000, 30_000, 10_000)], {
      kind: "interval-width",
      width: 0.1,
    });
    expect(plan!.needed).toBeGreaterThanOrEqual(900);
    expect(plan!.needed).toBeLessThanOrEqual(913);
    expect(plan!.additional).toBe(0);
    expect(simulateStudies([0.35, 0.25, 0.3, 0.1], plan!.needed!, 4000).width).toBeCloseTo(0.1, 2);
  });

  it("asks for more judgments for a narrower interval, and fewer additional ones for a pair with more data", () => {
    const pair = counts(12, 8, 6, 4);
    const additional = [0.4, 0.2, 0.1, 0.05].map(
      (width) => planSampleSize([pair], { kind: "interval-width", width })[0]!.additional!,
    );
    for (let i = 1; i < additional.length; i++) expect(additional[i]).toBeGreaterThan(additional[i - 1]!);

    // Equal shares, so the +1 prior does not move them: the plans differ only in what is known already.
    // (With unequal shares it does: (4, 3, 2, 1) plans as if for (5, 4, 3, 2)/14, fewer decisive than 40/30/20/10.)
    const [small, medium, large] = planSampleSize(
      [counts(5, 5, 5, 5, "b"), counts(50, 50, 50, 50, "c"), counts(500, 500, 500, 500, "d")],
      { kind: "interval-width", width: 0.08 },
    );
    expect(medium!.additional!).toBeLessThan(small!.additional!);
    expect(large!.additional!).toBeLessThan(medium!.additional!);
    // The total needed hardly depends on how much is known already.
    expect(Math.abs(large!.needed! - small!.needed!) / large!.needed!).toBeLessThan(0.15);
  });

  it("plans a pair without judgments (the +1 prior) and is reproducible with a seed", () => {
    const [empty] = planSampleSize([counts(0, 0, 0, 0)], { kind: "interval-width", width: 0.2 });
    expect(empty!.current).toBe(0);
    expect(empty!.additional).toBeGreaterThan(50);
    expect(empty!.additional).toBeLessThan(400);
    const again = planSampleSize([counts(0, 0, 0, 0)], { kind: "interval-width", width: 0.2 });
    expect(again).toEqual([empty]);
  });

  it("returns null with a reason when the target is out of reach", () => {
    const [plan] = planSampleSize(
      [counts(5, 5, 5, 5)],
      { kind: "interval-width", width: 0.001 },
      { maxAdditional: 1000 },
    );
    expect(plan).toMatchObject({ current: 20, needed: null, additional: null });
    expect(plan!.reason?.code).toBe("beyond-max-additional");
  });

  it("plans for the clustering pairwiseResults measured", () => {
    // 30 prompts whose 6 raters all agree: each prompt is worth about one judgment.
    const outcomes: Outcome[] = ["A", "B", "A", "tie", "A", "B"];
    const judgments: PairwiseJudgment[] = [];
    for (let p = 0; p < 30; p++) {
      for (let r = 0; r < 6; r++) {
        const outcome = outcomes[p % outcomes.length]!;
        judgments.push({
          itemId: `i${p}`,
          promptId: `p${p}`,
          raterId: `r${r}`,
          modelA: "a",
          modelB: "b",
          outcome,
          leftWasA: true,
        });
      }
    }
    const [result] = pairwiseResults(judgments);
    const target = { kind: "interval-width", width: 0.1 } as const;
    const clustered = planSampleSize([result!], target)[0]!;
    const bare = planSampleSize([result!.counts], target)[0]!;
    expect(result!.netWinRate.designEffect).toBeGreaterThan(3);
    expect(clustered.needed! / bare.needed!).toBeGreaterThan(3);
  });
});

describe("planSampleSize: detecting a net win rate", () => {
  it("finds the n at which simulated studies exclude 0 with the asked power", () => {
    // Truth: net win rate 0.1 with 60% decisive (A .35, B .25). Normal theory: n ≈ (1.96 + 0.8416)²·0.59/0.1² ≈ 463.
    const [plan] = planSampleSize([counts(35_000, 25_000, 30_000, 10_000)], {
      kind: "detect-net-win-rate",
      minimum: 0.1,
    });
    expect(plan!.needed).toBeGreaterThanOrEqual(455);
    expect(plan!.needed).toBeLessThanOrEqual(470);
    const simulated = simulateStudies([0.35, 0.25, 0.3, 0.1], plan!.needed!, 4000).power;
    expect(Math.abs(simulated - 0.8)).toBeLessThan(0.03);
  });

  it("needs more for a smaller effect or more power, and treats −m like m", () => {
    const pair = [counts(30, 20, 10, 5)];
    const need = (minimum: number, power?: number) =>
      planSampleSize(pair, { kind: "detect-net-win-rate", minimum, power })[0]!.needed!;
    expect(need(0.1)).toBeGreaterThan(need(0.2));
    expect(need(0.2)).toBeGreaterThan(need(0.4));
    expect(need(0.2, 0.9)).toBeGreaterThan(need(0.2, 0.8));
    expect(need(-0.2)).toBe(need(0.2));
  });

  it("rejects targets that make no sense", () => {
    const pair = [counts(1, 1, 1, 1)];
    expect(() => planSampleSize(pair, { kind: "interval-width", width: 0 })).toThrow(/width/);
    expect(() => planSampleSize(pair, { kind: "detect-net-win-rate", minimum: 0 })).toThrow(/net win rate/);
    expect(() => planSampleSize(pair, { kind: "detect-net-win-rate", minimum: 1.5 })).toThrow(/net win rate/);
    expect(() => planSampleSize(pair, { kind: "detect-net-win-rate", minimum: 0.1, power: 1 })).toThrow(
      /power/,
    );
    expect(() => planSampleSize(pair, { kind: "interval-width", width: 0.1 }, { simulations: 0 })).toThrow(
      /simulations/,
    );
  });
});

describe("nextPairToServe", () => {
  const target = { kind: "interval-width", width: 0.2 } as const;

  it("serves the pair furthest from its target relative to what it has", () => {
    const pairs = [counts(40, 30, 20, 10, "b"), counts(0, 0, 0, 0, "c"), counts(4, 3, 2, 1, "d")];
    expect(nextPairToServe(pairs, target)).toBe("a|c");
    expect(nextPairToServe([pairs[0]!, pairs[2]!], target)).toBe("a|d");
  });

  it("returns null when every pair has met its target or cannot", () => {
    expect(nextPairToServe([counts(400, 300, 200, 100)], target)).toBeNull();
    expect(
      nextPairToServe([counts(4, 3, 2, 1)], { kind: "interval-width", width: 0.001 }, { maxAdditional: 10 }),
    ).toBeNull();
    expect(nextPairToServe([], target)).toBeNull();
  });
});
