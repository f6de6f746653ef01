/**
 * Simulation study of the Bradley–Terry ratings and their bootstrap intervals (issue: "draws
 * judgments from known Bradley–Terry strengths, with position bias and noisy raters, and checks
 * that the fitted ratings recover the true order and that the 95 % intervals cover the true values
 * in 93–97 % of at least 500 simulated studies").
 *
 * Each study: 8 models with known Elo ratings, 1,200 judgments, each a uniformly drawn pair shown
 * with random sides to one of 20 raters on one of 100 prompts. 16 of the raters are reliable: a tie
 * with probability 0.15, else the left model wins with P = σ(βleft − βright + γ), a 35-point left
 * advantage. 4 raters are noise: A, B or tie with probabilities 0.4, 0.4, 0.2, whatever they see.
 *
 * What "the true value" is. Noise raters and ties pull every win rate towards ½, so no estimator of
 * the Bradley–Terry model can converge to the generating ratings: the data do not follow the model.
 * What the estimator converges to, with ever more judgments of the same design, is the fit to the
 * expected counts — Σ over the study's judgments of each outcome's probability given the pair, the
 * sides and the rater — the Kullback–Leibler projection of the truth onto the model (White,
 * "Maximum likelihood estimation of misspecified models", Econometrica, 1982). That projection,
 * fitted without prior (`priorGames: 0`) and anchored like the estimates (mean 1000), is the true
 * value the intervals must cover, per model and for the position advantage. It has the same order
 * as the generating ratings (checked), which is the order the estimates must recover.
 *
 * Bootstrap rounds per study: 200 (not the default 1,000) to keep the unit suite fast. The interval
 * endpoints are the (B + 1)·α-th ordered values, unbiased for any B (see `quantile` in
 * bootstrap.ts); fewer rounds only make them noisier, which if anything lowers coverage.
 * Everything is seeded, so the figures below are the same on every run: this test cannot flake.
 */
import { describe, expect, it } from "vitest";
import { bootstrapBradleyTerry, fitBradleyTerry, sideCountsOf, type SideCounts } from "./index";
import type { PairwiseJudgment } from "../outcomes";
import { seededRandom, type Random } from "../random";
import { kendallTauB } from "../correlation";

const TRUE_RATINGS = [1150, 1100, 1060, 1020, 990, 950, 900, 830];
const MODELS = TRUE_RATINGS.map((_, i) => `model-${i}`);
const LEFT_ADVANTAGE = 35;
const JUDGMENTS = 1200;
const RATERS = 20;
const NOISY_RATERS = 4;
const PROMPTS = 100;
const TIE = 0.15;
const NOISE = { a: 0.4, b: 0.4 }; // tie 0.2
const STUDIES = 500;
const ROUNDS = 200;

type Study = { judgments: PairwiseJudgment[]; expected: SideCounts[] };

/** P(left wins), P(right wins), P(tie) for a reliable rater. */
function reliableOutcome(left: number, right: number): [number, number, number] {
  const pLeft = 1 / (1 + 10 ** ((TRUE_RATINGS[right]! - TRUE_RATINGS[left]! - LEFT_ADVANTAGE) / 400));
  return [(1 - TIE) * pLeft, (1 - TIE) * (1 - pLeft), TIE];
}

function drawStudy(random: Random): Study {
  const judgments: PairwiseJudgment[] = [];
  const expected = new Map<string, SideCounts>();
  for (let r = 0; r < JUDGMENTS; r++) {
    const a = random.int(MODELS.length);
    let b = random.int(MODELS.length - 1);
    if (b >= a) b++;
    const leftWasA = random.next() < 0.5;
    const left = leftWasA ? a : b;
    const right = leftWasA ? b : a;
    const rater = random.int(RATERS);
    // Noise raters answer A/B, not left/right: in screen terms, A is left when leftWasA.
    const [pLeft, pRight, pTie] =
      rater < NOISY_RATERS
        ? leftWasA
          ? [NOISE.a, NOISE.b, 1 - NOISE.a - NOISE.b]
          : [NOISE.b, NOISE.a, 1 - NOISE.a - NOISE.b]
        : reliableOutcome(left, right);
    const u = random.next();
    const leftWon = u < pLeft;
    const tie = u >= pLeft + pRight;
    judgments.push({
      itemId: `item-${r}`,
      promptId: `prompt-${random.int(PROMPTS)}`,
      raterId: `rater-${rater}`,
      modelA: MODELS[a]!,
      modelB: MODELS[b]!,
      outcome: tie ? (random.next() < 0.5 ? "tie" : "bothBad") : leftWon === leftWasA ? "A" : "B",
      leftWasA,
    });
    const key = `${left}/${right}`;
    const cell = expected.get(key) ?? {
      left: MODELS[left]!,
      right: MODELS[right]!,
      leftWins: 0,
      rightWins: 0,
      ties: 0,
    };
    cell.leftWins += pLeft;
    cell.rightWins += pRight;
    cell.ties += pTie;
    expected.set(key, cell);
  }
  return { judgments, expected: [...expected.values()] };
}

type Tally = {
  covered: number;
  intervals: number;
  positionCovered: number;
  studies: number;
  taus: number[];
  farApartCorrect: number;
  farApart: number;
  topFound: number;
};

function simulate(method: "counts" | "prompts", positionAdvantage: boolean, seed: number): Tally {
  const random = seededRandom(seed);
  const tally: Tally = {
    covered: 0,
    intervals: 0,
    positionCovered: 0,
    studies: 0,
    taus: [],
    farApartCorrect: 0,
    farApart: 0,
    topFound: 0,
  };
  for (let s = 0; s < STUDIES; s++) {
    const study = drawStudy(random);
    const truth = fitBradleyTerry(study.expected, { positionAdvantage, priorGames: 0 });
    const input =
      method === "counts" ? { counts: sideCountsOf(study.judgments) } : { judgments: study.judgments };
    const result = bootstrapBradleyTerry(input, { rounds: ROUNDS, seed: seed * 1000 + s, positionAdvantage });
    expect(result.warnings).toEqual([]);
    for (const r of result.ratings) {
      const target = truth.ratings[r.model]!;
      tally.intervals++;
      if (r.interval.low <= target && target <= r.interval.high) tally.covered++;
    }
    if (positionAdvantage) {
      const { low, high } = result.positionAdvantage!.interval;
      if (low <= truth.positionAdvantage! && truth.positionAdvantage! <= high) tally.positionCovered++;
    }
    const fitted = MODELS.map((model) => result.fit.ratings[model]!);
    tally.taus.push(kendallTauB(fitted, TRUE_RATINGS) ?? 0);
    for (let i = 0; i < MODELS.length; i++) {
      for (let j = i + 1; j < MODELS.length; j++) {
        if (TRUE_RATINGS[i]! - TRUE_RATINGS[j]! < 100) continue;
        tally.farApart++;
        if (fitted[i]! > fitted[j]!) tally.farApartCorrect++;
      }
    }
    if (result.ratings[0]!.model === MODELS[0]) tally.topFound++;
    tally.studies++;
  }
  return tally;
}

describe("Bradley–Terry simulation: known strengths, position bias, noisy raters", () => {
  it("the true values (the projection) keep the generating order, compressed by the noise", () => {
    const study = drawStudy(seededRandom(99));
    const truth = fitBradleyTerry(study.expected, { positionAdvantage: true, priorGames: 0 });
    const projected = MODELS.map((model) => truth.ratings[model]!);
    expect(kendallTauB(projected, TRUE_RATINGS)).toBe(1);
    // One judgment in five is noise and 15 % of the rest are ties: gaps shrink, to roughly 60 %.
    const spread = projected[0]! - projected[projected.length - 1]!;
    expect(spread / (TRUE_RATINGS[0]! - TRUE_RATINGS.at(-1)!)).toBeGreaterThan(0.5);
    expect(spread / (TRUE_RATINGS[0]! - TRUE_RATINGS.at(-1)!)).toBeLessThan(0.8);
    expect(truth.positionAdvantage).toBeGreaterThan(15);
  });

  // Two scenarios cover both resampling schemes and both models (with and without the position
  // term); each runs 500 studies × 200 rounds. The figures these seeds give are in the comments;
  // the bounds are the (ratings) or explained beside them.
  it("multinomial bootstrap, position corrected: intervals cover 93–97 %, order recovered", () => {
    // Seed 1: ratings covered 94.9 % (of 4,000), position advantage 93.8 % (of 500), mean Kendall
    // τ 0.92 (lowest 0.64), pairs ≥ 100 points apart ordered right 99.9 %, best model on top 86.6 %.
    const tally = simulate("counts", true, 1);
    expect(tally.intervals).toBe(STUDIES * MODELS.length);
    expectCoverageAndOrder(tally);
    // One interval per study: 500 draws, binomial SE ≈ 1 pp, so a wider band than the ratings'.
    expect(tally.positionCovered / tally.studies).toBeGreaterThanOrEqual(0.92);
    expect(tally.positionCovered / tally.studies).toBeLessThanOrEqual(0.98);
  }, 60_000);

  it("prompt bootstrap, without position correction: intervals cover 93–97 %, order recovered", () => {
    // Seed 3: ratings covered 94.7 % (of 4,000), mean Kendall τ 0.92, pairs ≥ 100 points apart
    // ordered right 99.95 %, best model on top 87.8 %. Prompts here have no effect of their own, so
    // resampling prompts should cover as well as resampling judgments.
    const tally = simulate("prompts", false, 3);
    expect(tally.intervals).toBe(STUDIES * MODELS.length);
    expectCoverageAndOrder(tally);
  }, 60_000);
});

function expectCoverageAndOrder(tally: Tally) {
  const coverage = tally.covered / tally.intervals;
  expect(coverage).toBeGreaterThanOrEqual(0.93);
  expect(coverage).toBeLessThanOrEqual(0.97);
  // Adjacent models are 30–70 points apart and a rating's SE is about 25 points, so neighbours swap
  // now and then; models 100 or more points apart almost never do.
  expect(tally.taus.reduce((sum, tau) => sum + tau, 0) / tally.studies).toBeGreaterThan(0.85);
  expect(Math.min(...tally.taus)).toBeGreaterThan(0.5);
  expect(tally.farApartCorrect / tally.farApart).toBeGreaterThan(0.99);
  expect(tally.topFound / tally.studies).toBeGreaterThan(0.8);
}
