import type { Interval, PairwiseJudgment } from "../outcomes";
import { wilsonInterval } from "../wilson";
import { binomialTestTwoSided } from "./binomial-test";

export type PositionBias = {
  /** Decisive answers for the output shown on the left. */
  leftWins: number;
  rightWins: number;
  ties: number;
  bothBad: number;
  /** leftWins + rightWins: the answers the test is about. */
  decisive: number;
  /** leftWins / decisive; 0.5 means no pull towards either side. Null without decisive answers. */
  leftShare: number | null;
  /** Wilson 95% interval for leftShare; null without decisive answers. */
  interval: Interval | null;
  /** Exact two-sided binomial test of leftShare = 0.5; null without decisive answers. */
  pValue: number | null;
};

/**
 * Position bias: of the decisive answers (A or B preferred), the share that went to the output
 * shown on the left. Left/right is randomized per assignment, so without a bias towards a side
 * each decisive answer goes left with probability ½ whatever the models' quality, and
 *
 *   leftWins ~ Binomial(decisive, ½)   under H₀: no position bias,
 *
 * tested exactly (binomialTestTwoSided, as scipy.stats.binomtest) with the Wilson interval for
 * the share. An answer went left when it preferred A and A was on the left (leftWasA), or
 * preferred B and B was on the left. Ties and "both bad" pick no side: they are counted, not
 * tested. Pass one axis's judgments (the caller has already left out excluded raters).
 */
export function positionBias(judgments: readonly PairwiseJudgment[]): PositionBias {
  let leftWins = 0;
  let rightWins = 0;
  let ties = 0;
  let bothBad = 0;
  for (const j of judgments) {
    if (j.outcome === "tie") ties++;
    else if (j.outcome === "bothBad") bothBad++;
    else if ((j.outcome === "A") === j.leftWasA) leftWins++;
    else rightWins++;
  }
  const decisive = leftWins + rightWins;
  if (decisive === 0)
    return { leftWins, rightWins, ties, bothBad, decisive, leftShare: null, interval: null, pValue: null };
  const [low, high] = wilsonInterval(leftWins, decisive);
  return {
    leftWins,
    rightWins,
    ties,
    bothBad,
    decisive,
    leftShare: leftWins / decisive,
    interval: { low, high, method: "wilson" },
    pValue: binomialTestTwoSided(leftWins, decisive, 0.5),
  };
}

/**
 * positionBias for each rater separately, in the order of their first judgment: a rater who
 * always clicks the same side shows up here before they move the study-wide share.
 */
export function positionBiasByRater(
  judgments: readonly PairwiseJudgment[],
): ({ raterId: string } & PositionBias)[] {
  const byRater = new Map<string, PairwiseJudgment[]>();
  for (const j of judgments) {
    const own = byRater.get(j.raterId);
    if (own) own.push(j);
    else byRater.set(j.raterId, [j]);
  }
  return [...byRater.entries()].map(([raterId, own]) => ({ raterId, ...positionBias(own) }));
}
