import { describe, expect, it } from "vitest";
import {
  bootstrapBradleyTerry,
  fitBradleyTerry,
  sideCountsOf,
  type BradleyTerryWarning,
  type SideCounts,
} from "./index";
import type { PairwiseJudgment } from "../outcomes";

/** 400·log₁₀(x): the Elo-scale gap of odds x. */
const elo = (odds: number) => 400 * Math.log10(odds);

const row = (left: string, right: string, leftWins: number, rightWins: number, ties = 0): SideCounts => ({
  left,
  right,
  leftWins,
  rightWins,
  ties,
});

/** Every number anywhere in `value` is finite (what reaches a page must never be NaN or ±∞). */
function expectAllFinite(value: unknown) {
  const walk = (v: unknown, path: string) => {
    if (typeof v === "number") expect(Number.isFinite(v), `${path} = ${v}`).toBe(true);
    else if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (v && typeof v === "object")
      for (const [key, item] of Object.entries(v)) walk(item, `${path}.${key}`);
  };
  walk(value, "result");
}

const kinds = (warnings: BradleyTerryWarning[]) => warnings.map((w) => w.kind);

let item = 0;
function judgment(
  modelA: string,
  modelB: string,
  outcome: PairwiseJudgment["outcome"],
  leftWasA: boolean,
  promptId = "p",
): PairwiseJudgment {
  return { itemId: `i${item++}`, promptId, raterId: "r", modelA, modelB, outcome, leftWasA };
}

describe("sideCountsOf", () => {
  it("counts by screen side, with both-bad as a tie, sorted by left then right", () => {
    const counts = sideCountsOf([
      judgment("x", "y", "A", true), // x left, wins → left win
      judgment("x", "y", "A", false), // y left, x (A) wins → right win
      judgment("y", "x", "B", true), // y left, x (B) wins → right win for (y, x)
      judgment("x", "y", "bothBad", true),
      judgment("x", "y", "tie", true),
      judgment("b", "a", "B", false), // a left, a (B) wins → left win for (a, b)
    ]);
    expect(counts).toEqual([row("a", "b", 1, 0, 0), row("x", "y", 1, 0, 2), row("y", "x", 0, 2, 0)]);
  });

  it("keeps a self-comparison as its own row, for the fit to report", () => {
    expect(sideCountsOf([judgment("m", "m", "A", true)])).toEqual([row("m", "m", 1, 0, 0)]);
  });
});

describe("fitBradleyTerry", () => {
  it("gives the hand-computed ratings for two models: odds 3:1 are 400·log₁₀ 3 points apart", () => {
    // Plain MLE (no prior): π_a/π_b = wins/losses = 3. Ties count half each way, so 2 wins, 0
    // losses and 2 ties are also 3:1.
    for (const counts of [[row("a", "b", 2, 0), row("b", "a", 1, 1)], [row("a", "b", 2, 0, 2)]]) {
      const fit = fitBradleyTerry(counts, { priorGames: 0 });
      expect(fit.ratings.a! - fit.ratings.b!).toBeCloseTo(elo(3), 8);
      expect(fit.ratings.a).toBeCloseTo(1000 + elo(3) / 2, 8);
      expect(fit.converged).toBe(true);
      expect(fit.warnings).toEqual([]);
    }
  });

  it("shrinks by the documented prior: one virtual tie against a reference at 1000", () => {
    // With g = 1 and two models at ±d around 1000 (nats δ): stationarity of
    // 3·log σ(2δ) + 1·log σ(−2δ) + ½ log σ(δ) + ½ log σ(−δ) gives 3 − 4σ(2δ) + ½ − σ(δ) = 0.
    const fit = fitBradleyTerry([row("a", "b", 3, 1)]);
    const delta = (fit.ratings.a! - 1000) / (400 / Math.LN10);
    const sigma = (x: number) => 1 / (1 + Math.exp(-x));
    expect(3 - 4 * sigma(2 * delta) + 0.5 - sigma(delta)).toBeCloseTo(0, 10);
    expect(fit.ratings.a! - fit.ratings.b!).toBeLessThan(elo(3));
    expect(fit.priorGames).toBe(1);
  });

  it("matches an independent implementation (scipy) to 10⁻³ points", () => {
    // Reference values: numpy 2.4.6 / scipy 1.17.1, maximising the same log-likelihood with
    // scipy.optimize.minimize(method="BFGS", gtol=1e-11) from zeros — an independent implementation
    // (a quasi-Newton optimiser over a vectorised objective), not a port of this code. Max |∇| < 1e-7.
    //
    //   L, R: left/right model index per row; w_left = left wins + ties/2; w_right = right wins + ties/2
    //   def neg_log_posterior(theta, position, prior):
    //       beta, gamma = theta[:k], (theta[k] if position else 0.0)
    //       eta = beta[L] - beta[R] + gamma
    //       ll = -np.sum(w_left * np.logaddexp(0, -eta) + w_right * np.logaddexp(0, eta))
    //       ll -= prior * np.sum(0.5 * np.logaddexp(0, -theta) + 0.5 * np.logaddexp(0, theta))
    //       return -ll
    //   res = minimize(neg_log_posterior, np.zeros(k + position), args=(position, prior),
    //                  jac=<its analytic gradient>, method="BFGS", options={"gtol": 1e-11})
    //   elo = 400 / np.log(10) * res.x[:k]; elo = elo - elo.mean() + 1000
    //   advantage = 400 / np.log(10) * res.x[k]
    const counts = [
      row("alpha", "bravo", 12, 8, 3),
      row("bravo", "alpha", 9, 10, 2),
      row("alpha", "charlie", 15, 5, 4),
      row("charlie", "alpha", 7, 11, 1),
      row("alpha", "delta", 9, 2, 2),
      row("bravo", "charlie", 10, 9, 5),
      row("charlie", "bravo", 8, 8, 3),
      row("delta", "bravo", 6, 9, 0),
      row("bravo", "echo", 14, 3, 2),
      row("echo", "bravo", 4, 12, 1),
      row("charlie", "delta", 7, 6, 6),
      row("delta", "charlie", 8, 4, 2),
      row("echo", "charlie", 5, 9, 3),
      row("alpha", "echo", 16, 1, 0),
    ];
    const cases = [
      {
        positionAdvantage: false,
        priorGames: 1,
        ratings: [1122.9431, 1045.9909, 995.7834, 994.1882, 841.0944],
      },
      {
        positionAdvantage: false,
        priorGames: 0,
        ratings: [1124.2354, 1046.4308, 996.1084, 994.611, 838.6145],
      },
      {
        positionAdvantage: true,
        priorGames: 1,
        ratings: [1117.0776, 1048.2752, 999.7006, 996.506, 838.4405],
        advantage: 34.7676,
      },
      {
        positionAdvantage: true,
        priorGames: 0,
        ratings: [1118.3516, 1048.7539, 1000.0655, 996.9863, 835.8426],
        advantage: 34.9468,
      },
    ];
    for (const { positionAdvantage, priorGames, ratings, advantage } of cases) {
      const fit = fitBradleyTerry(counts, { positionAdvantage, priorGames });
      expect(fit.models).toEqual(["alpha", "bravo", "charlie", "delta", "echo"]);
      fit.models.forEach((model, i) => expect(fit.ratings[model]).toBeCloseTo(ratings[i]!, 3));
      if (advantage === undefined) expect(fit.positionAdvantage).toBeNull();
      else expect(fit.positionAdvantage).toBeCloseTo(advantage, 3);
      expect(fit.warnings).toEqual([]);
    }
  });

  it("is symmetric: relabelling models, swapping sides without a position term, reversing results", () => {
    const counts = [row("a", "b", 5, 3, 2), row("b", "c", 4, 4, 1), row("c", "a", 2, 6, 0)];
    const fit = fitBradleyTerry(counts);
    // Renamed models: the same numbers.
    const renamed = fitBradleyTerry(
      counts.map((c) => ({ ...c, left: `z-${c.left}`, right: `z-${c.right}` })),
    );
    for (const model of ["a", "b", "c"])
      expect(renamed.ratings[`z-${model}`]).toBeCloseTo(fit.ratings[model]!, 10);
    // Sides swapped: without a position term only who beat whom matters.
    const swapped = fitBradleyTerry(counts.map((c) => row(c.right, c.left, c.rightWins, c.leftWins, c.ties)));
    for (const model of ["a", "b", "c"]) expect(swapped.ratings[model]).toBeCloseTo(fit.ratings[model]!, 10);
    // Every result reversed: ratings mirror around 1000.
    const reversed = fitBradleyTerry(
      counts.map((c) => row(c.left, c.right, c.rightWins, c.leftWins, c.ties)),
    );
    for (const model of ["a", "b", "c"])
      expect(reversed.ratings[model]).toBeCloseTo(2000 - fit.ratings[model]!, 10);
  });

  it("anchors each fit at mean 1000, or pins the anchor model without changing differences", () => {
    const counts = [row("a", "b", 5, 3, 2), row("b", "c", 4, 4, 1), row("c", "a", 2, 6, 0)];
    const fit = fitBradleyTerry(counts);
    const mean = (fit.ratings.a! + fit.ratings.b! + fit.ratings.c!) / 3;
    expect(mean).toBeCloseTo(1000, 10);
    const pinned = fitBradleyTerry(counts, { anchor: { model: "b", rating: 1114 } });
    expect(pinned.ratings.b).toBeCloseTo(1114, 10);
    expect(pinned.ratings.a! - pinned.ratings.c!).toBeCloseTo(fit.ratings.a! - fit.ratings.c!, 10);
  });

  it("separates position advantage from strength: equal models, left favoured 3:1 on both sides", () => {
    const counts = [row("a", "b", 30, 10), row("b", "a", 30, 10)];
    const plain = fitBradleyTerry(counts, { priorGames: 0 });
    expect(plain.ratings.a).toBeCloseTo(1000, 8);
    expect(plain.positionAdvantage).toBeNull();
    const corrected = fitBradleyTerry(counts, { priorGames: 0, positionAdvantage: true });
    expect(corrected.ratings.a).toBeCloseTo(1000, 8);
    expect(corrected.positionAdvantage).toBeCloseTo(elo(3), 8); // θ = 3
    // Unbalanced sides: a shown left 40 times, right 10 times. Uncorrected, a profits from the left.
    const unbalanced = [row("a", "b", 30, 10), row("b", "a", 7.5, 2.5)];
    expect(fitBradleyTerry(unbalanced, { priorGames: 0 }).ratings.a).toBeGreaterThan(1050);
    expect(fitBradleyTerry(unbalanced, { priorGames: 0, positionAdvantage: true }).ratings.a).toBeCloseTo(
      1000,
      8,
    );
  });

  it("merges repeated rows and ignores a pair with no judgments", () => {
    const once = fitBradleyTerry([row("a", "b", 4, 2, 2), row("b", "c", 3, 3)]);
    const split = fitBradleyTerry([
      row("a", "b", 3, 1, 0),
      row("a", "b", 1, 1, 2),
      row("b", "c", 3, 3),
      row("a", "c", 0, 0, 0),
    ]);
    expect(split.ratings).toEqual(once.ratings);
    expect(split.warnings).toEqual([]);
    expect(split.judgments).toEqual({ a: 8, b: 14, c: 6 });
  });

  describe("bad input: finite numbers and a warning the page can show", () => {
    it("no judgments at all", () => {
      const fit = fitBradleyTerry([]);
      expect(fit.models).toEqual([]);
      expect(fit.ratings).toEqual({});
      expect(kinds(fit.warnings)).toEqual(["no-judgments", "too-few-models"]);
      expectAllFinite(fit);
    });

    it("a single model, and models without judgments", () => {
      const single = fitBradleyTerry([], { models: ["solo"] });
      expect(kinds(single.warnings)).toEqual(["no-judgments", "too-few-models"]);
      expect(single.warnings[1]).toMatchObject({ models: ["solo"] });
      const some = fitBradleyTerry([row("a", "b", 2, 1)], { models: ["a", "b", "c"] });
      expect(some.models).toEqual(["a", "b"]);
      expect(some.warnings).toEqual([expect.objectContaining({ kind: "unjudged", models: ["c"] })]);
      expect(some.warnings[0]!.message).toBe("c has no judgments yet and is not rated.");
    });

    it("all ties: everyone at 1000, nothing to warn about", () => {
      const fit = fitBradleyTerry([row("a", "b", 0, 0, 5), row("b", "c", 0, 0, 3), row("c", "a", 0, 0, 1)], {
        positionAdvantage: true,
      });
      for (const model of fit.models) expect(fit.ratings[model]).toBeCloseTo(1000, 8);
      expect(fit.positionAdvantage).toBeCloseTo(0, 8);
      expect(fit.warnings).toEqual([]);
    });

    it("a model that won every comparison, and one that lost every one", () => {
      const counts = [row("a", "b", 5, 0), row("b", "c", 3, 2), row("c", "b", 1, 1), row("d", "c", 0, 4)];
      for (const priorGames of [1, 0]) {
        const fit = fitBradleyTerry(counts, { priorGames });
        expectAllFinite(fit);
        expect(fit.converged).toBe(true);
        expect(fit.warnings).toContainEqual(expect.objectContaining({ kind: "unbeaten", model: "a" }));
        expect(fit.warnings).toContainEqual(expect.objectContaining({ kind: "winless", model: "d" }));
        expect(kinds(fit.warnings)).not.toContain("separated"); // fully explained by a and d
        expect(fit.ratings.a).toBeGreaterThan(fit.ratings.b!);
        expect(fit.ratings.d).toBeLessThan(fit.ratings.c!);
        // The plain MLE does not exist: asking for it falls back to the prior, and says so.
        expect(kinds(fit.warnings).includes("prior-fallback")).toBe(priorGames === 0);
        expect(fit.priorGames).toBe(1);
      }
    });

    it("two groups where one never lost to the other", () => {
      const counts = [
        row("a", "b", 3, 2),
        row("c", "d", 2, 2),
        row("a", "c", 4, 0),
        row("b", "d", 3, 0, 0),
        row("d", "a", 0, 2),
      ];
      const fit = fitBradleyTerry(counts);
      expectAllFinite(fit);
      expect(fit.warnings).toEqual([
        expect.objectContaining({
          kind: "separated",
          groups: [
            ["a", "b"],
            ["c", "d"],
          ],
        }),
      ]);
      expect(Math.min(fit.ratings.a!, fit.ratings.b!)).toBeGreaterThan(
        Math.max(fit.ratings.c!, fit.ratings.d!),
      );
    });

    it("a comparison graph that is not connected: each group centred on 1000, with a warning", () => {
      const counts = [row("a", "b", 3, 1), row("b", "a", 2, 2), row("c", "d", 1, 4), row("x", "y", 0, 0, 2)];
      const fit = fitBradleyTerry(counts);
      expectAllFinite(fit);
      expect(fit.components).toEqual([
        ["a", "b"],
        ["c", "d"],
        ["x", "y"],
      ]);
      expect(fit.warnings).toEqual([
        expect.objectContaining({
          kind: "disconnected",
          components: [
            ["a", "b"],
            ["c", "d"],
            ["x", "y"],
          ],
        }),
      ]);
      expect(fit.ratings.a! + fit.ratings.b!).toBeCloseTo(2000, 8);
      expect(fit.ratings.c! + fit.ratings.d!).toBeCloseTo(2000, 8);
      expect(fit.ratings.x).toBeCloseTo(1000, 8);
      // The same within-group gaps as fitting each group alone.
      const alone = fitBradleyTerry([row("a", "b", 3, 1), row("b", "a", 2, 2)]);
      expect(fit.ratings.a).toBeCloseTo(alone.ratings.a!, 8);
    });

    it("rows that cannot be used are skipped and named", () => {
      const fit = fitBradleyTerry(
        [
          row("a", "b", 3, 1),
          row("a", "a", 2, 0),
          row("a", "z", 1, 1),
          row("b", "a", Number.NaN, 1),
          row("b", "a", -1, 1),
          row("b", "a", 1, Number.POSITIVE_INFINITY),
        ],
        { models: ["a", "b"] },
      );
      expect(fit.warnings.map((w) => (w.kind === "invalid-counts" ? w.reason : w.kind))).toEqual([
        "self-comparison",
        "unknown-model",
        "not-a-count",
        "not-a-count",
        "not-a-count",
      ]);
      expect(fit.judgments).toEqual({ a: 4, b: 4 });
      expectAllFinite(fit);
    });

    it("a position advantage the data cannot identify or bound", () => {
      // Only ever shown one way round: a on the left.
      const unidentified = fitBradleyTerry([row("a", "b", 3, 1)], { positionAdvantage: true });
      expect(kinds(unidentified.warnings)).toEqual(["position-unidentified"]);
      expectAllFinite(unidentified);
      // The left side won everything.
      const oneSided = fitBradleyTerry([row("a", "b", 3, 0), row("b", "a", 3, 0)], {
        positionAdvantage: true,
        priorGames: 0,
      });
      expect(kinds(oneSided.warnings)).toEqual(["position-one-sided", "prior-fallback"]);
      expect(oneSided.warnings[0]).toMatchObject({ side: "left" });
      expect(oneSided.ratings.a).toBeCloseTo(1000, 8);
      expect(oneSided.positionAdvantage).toBeGreaterThan(200);
      expectAllFinite(oneSided);
    });

    it("an anchor model without judgments falls back to the mean", () => {
      const fit = fitBradleyTerry([row("a", "b", 3, 1)], { anchor: { model: "nope", rating: 1200 } });
      expect(kinds(fit.warnings)).toEqual(["anchor-missing"]);
      expect(fit.ratings.a! + fit.ratings.b!).toBeCloseTo(2000, 8);
    });

    it("rejects nonsensical options with a one-line message", () => {
      expect(() => fitBradleyTerry([], { priorGames: -1 })).toThrow(RangeError);
      expect(() => bootstrapBradleyTerry({ counts: [] }, { rounds: 0 })).toThrow(
        "rounds must be a positive integer",
      );
      expect(() => bootstrapBradleyTerry({ counts: [] }, { level: 95 })).toThrow(
        "level must be between 0 and 1",
      );
    });
  });
});

describe("bootstrapBradleyTerry", () => {
  const counts = [
    row("a", "b", 30, 20, 5),
    row("b", "a", 18, 25, 6),
    row("b", "c", 28, 22, 4),
    row("c", "b", 20, 27, 3),
    row("a", "c", 40, 12, 6),
    row("c", "a", 15, 33, 2),
    row("c", "d", 25, 25, 5),
    row("d", "c", 24, 22, 4),
  ];

  it("is reproducible with a seed and brackets the point estimate", () => {
    const one = bootstrapBradleyTerry({ counts }, { rounds: 300, seed: 42 });
    const again = bootstrapBradleyTerry({ counts }, { rounds: 300, seed: 42 });
    const other = bootstrapBradleyTerry({ counts }, { rounds: 300, seed: 43 });
    expect(again).toEqual(one);
    expect(other.ratings[0]!.interval).not.toEqual(one.ratings[0]!.interval);
    expect(one.method).toBe("bootstrap-multinomial");
    expect(one.rounds).toBe(300);
    expect(one.warnings).toEqual([]);
    expect(one.ratings.map((r) => r.model)).toEqual(["a", "b", "d", "c"]);
    for (const r of one.ratings) {
      expect(r.rating).toBe(one.fit.ratings[r.model]);
      expect(r.interval.method).toBe("bootstrap-multinomial");
      expect(r.interval.low).toBeLessThan(r.rating);
      expect(r.interval.high).toBeGreaterThan(r.rating);
    }
    expect(one.ratings.map((r) => [r.rank, r.rankUpperBound, r.judgments])).toEqual([
      [1, 1, 212],
      [2, 1, 208],
      [3, 2, 105],
      [4, 2, 317],
    ]);
  });

  it("ranks with the upper bound from the intervals", () => {
    const result = bootstrapBradleyTerry({ counts }, { rounds: 300 });
    const byModel = Object.fromEntries(result.ratings.map((r) => [r.model, r]));
    for (const r of result.ratings) {
      const above = result.ratings.filter((o) => o.interval.low > r.interval.high).length;
      expect(r.rankUpperBound).toBe(1 + above);
      expect(r.rankUpperBound).toBeLessThanOrEqual(r.rank);
    }
    expect(byModel.a!.rankUpperBound).toBe(1);
  });

  it("narrows with a lower level and reports the position advantage with its interval", () => {
    const wide = bootstrapBradleyTerry({ counts }, { rounds: 300, level: 0.95 });
    const narrow = bootstrapBradleyTerry({ counts }, { rounds: 300, level: 0.8 });
    const width = (r: { interval: { low: number; high: number } }) => r.interval.high - r.interval.low;
    expect(width(narrow.ratings[0]!)).toBeLessThan(width(wide.ratings[0]!));
    expect(wide.positionAdvantage).toBeNull();
    const positioned = bootstrapBradleyTerry({ counts }, { rounds: 300, positionAdvantage: true });
    const advantage = positioned.positionAdvantage!;
    expect(advantage.value).toBe(positioned.fit.positionAdvantage);
    expect(advantage.interval.low).toBeLessThan(advantage.value);
    expect(advantage.interval.high).toBeGreaterThan(advantage.value);
  });

  it("resampling prompts widens intervals when a prompt's judgments agree with each other", () => {
    // 40 prompts × 10 judgments of a vs b; within a prompt every rater gave the same verdict, so
    // there are 40 independent observations, not 400.
    const judgments: PairwiseJudgment[] = [];
    for (let p = 0; p < 40; p++) {
      for (let r = 0; r < 10; r++)
        judgments.push(judgment("a", "b", p < 24 ? "A" : "B", r % 2 === 0, `prompt-${p}`));
    }
    const byPrompt = bootstrapBradleyTerry({ judgments }, { rounds: 400 });
    const byJudgment = bootstrapBradleyTerry({ counts: sideCountsOf(judgments) }, { rounds: 400 });
    expect(byPrompt.method).toBe("bootstrap-prompts");
    expect(byPrompt.ratings[0]!.interval.method).toBe("bootstrap-prompts");
    expect(byPrompt.fit.ratings).toEqual(byJudgment.fit.ratings);
    const width = (r: typeof byPrompt) => r.ratings[0]!.interval.high - r.ratings[0]!.interval.low;
    // Cluster size 10: about √10 ≈ 3.2 times wider.
    expect(width(byPrompt) / width(byJudgment)).toBeGreaterThan(2.5);
    expect(width(byPrompt) / width(byJudgment)).toBeLessThan(4);
  });

  it("says when a model was missing from some prompt resamples", () => {
    const judgments: PairwiseJudgment[] = [];
    for (let p = 0; p < 20; p++) {
      judgments.push(judgment("a", "b", p % 3 === 0 ? "B" : "A", p % 2 === 0, `prompt-${p}`));
    }
    judgments.push(judgment("rare", "a", "tie", true, "prompt-0"));
    const result = bootstrapBradleyTerry({ judgments }, { rounds: 200 });
    const missing = result.warnings.find((w) => w.kind === "bootstrap-missing-model");
    expect(missing).toMatchObject({ model: "rare" });
    // A prompt is left out of a resample of 20 with probability (19/20)²⁰ ≈ 0.36.
    expect((missing as { rounds: number }).rounds / 200).toBeGreaterThan(0.25);
    expectAllFinite(result);
  });

  describe("bad input", () => {
    it("no judgments and a single model: no ratings to resample, no NaN", () => {
      const empty = bootstrapBradleyTerry({ counts: [] });
      expect(empty.ratings).toEqual([]);
      expect(empty.rounds).toBe(0);
      expect(kinds(empty.warnings)).toEqual(["no-judgments", "too-few-models"]);
      const single = bootstrapBradleyTerry({ judgments: [] }, { models: ["solo"] });
      expect(single.ratings).toEqual([]);
      expect(kinds(single.warnings)).toEqual(["no-judgments", "too-few-models"]);
    });

    it("unbeaten, winless and disconnected models keep finite intervals; ranks stay within a group", () => {
      const result = bootstrapBradleyTerry(
        {
          counts: [
            row("a", "b", 5, 0),
            row("b", "a", 0, 4),
            row("b", "c", 3, 2),
            row("c", "b", 2, 2),
            row("x", "y", 1, 1, 1),
            row("y", "x", 1, 1, 1),
          ],
        },
        { rounds: 200, positionAdvantage: true },
      );
      expectAllFinite(result);
      expect(kinds(result.warnings)).toEqual(["disconnected", "unbeaten"]);
      const byModel = Object.fromEntries(result.ratings.map((r) => [r.model, r]));
      expect(byModel.a!.rank).toBe(1);
      expect([byModel.x!.rank, byModel.y!.rank]).toEqual([1, 1]); // ranked within their own group only
      expect(byModel.x!.rating).toBeCloseTo(1000, 6);
      expect(byModel.y!.rankUpperBound).toBe(1);
    });
  });
});
