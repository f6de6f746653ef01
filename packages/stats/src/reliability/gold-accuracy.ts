import type { Interval, Outcome, PairwiseJudgment } from "../outcomes";
import { wilsonInterval } from "../wilson";
import { toOutcomeUnits } from "./units";

export type RaterGoldAccuracy = {
  raterId: string;
  /** Gold items the rater answered as expected. */
  correct: number;
  /** Gold items the rater answered. */
  judged: number;
  /** correct / judged (judged ≥ 1: raters without a gold judgment are not listed). */
  accuracy: number;
  /** Wilson 95% interval for the accuracy. */
  interval: Interval;
};

/**
 * Each rater's accuracy on gold items (items whose expected answer is known), on one axis:
 *
 *   accuracy_r = #{gold items r answered as expected} / #{gold items r answered}
 *
 * with the Wilson interval. `gold` maps an item id to its expected answer, or to the answers
 * accepted as correct (e.g. ["A", "tie"] when B must not win); judgments of items not in it are
 * ignored. A rater's corrected answer replaces the earlier one, as in toOutcomeUnits. Only
 * raters with at least one gold judgment are listed (in order of appearance), so a page shows
 * "no gold answered" for the others rather than a 0/0.
 */
export function goldAccuracy(
  judgments: readonly PairwiseJudgment[],
  gold: ReadonlyMap<string, Outcome | readonly Outcome[]>,
): RaterGoldAccuracy[] {
  const tallies = new Map<string, { correct: number; judged: number }>();
  const onGold = judgments.filter((j) => gold.has(j.itemId));
  for (const unit of toOutcomeUnits(onGold)) {
    const expected = gold.get(unit.unitId)!;
    for (const { raterId, value } of unit.values) {
      let t = tallies.get(raterId);
      if (!t) tallies.set(raterId, (t = { correct: 0, judged: 0 }));
      t.judged++;
      if (typeof expected === "string" ? value === expected : expected.includes(value)) t.correct++;
    }
  }
  return [...tallies.entries()].map(([raterId, { correct, judged }]) => {
    const [low, high] = wilsonInterval(correct, judged);
    return {
      raterId,
      correct,
      judged,
      accuracy: correct / judged,
      interval: { low, high, method: "wilson" },
    };
  });
}
