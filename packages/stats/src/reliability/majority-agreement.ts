import type { Interval } from "../outcomes";
import { wilsonInterval } from "../wilson";
import type { RatingUnit } from "./units";

/**
 * What counts as "the majority" of the other raters of a unit:
 * - "plurality": the answer more of them gave than any other answer (a tie for first: none) —
 *   the "majority vote" of crowdsourcing, and what the study monitor's agreement uses;
 * - "absolute": an answer more than half of them gave.
 */
export type MajorityRule = "plurality" | "absolute";

export type RaterAgreement = {
  raterId: string;
  /** Answers equal to the others' majority. */
  agreed: number;
  /** Answers on units whose other raters had a majority. */
  compared: number;
  /** Answers on units rated by others who had no majority (split evenly): left out. */
  noMajority: number;
  /** agreed / compared; null when nothing could be compared. */
  rate: number | null;
  /** Wilson 95% interval for the rate; null when nothing could be compared. */
  interval: Interval | null;
};

/**
 * Each rater's agreement with the majority of the other raters of the same units,
 * leave-one-out: the rater's own answer never votes, so a rater is not rewarded for agreeing
 * with themself and a unit of two raters compares each with the other.
 *
 *   rate_r = #{units u rated by r: answer_r(u) = majority(answers of the others on u)}
 *            / #{units u rated by r whose others have a majority}
 *
 * Units nobody else rated are not counted; units whose others have no majority under `rule`
 * (default "plurality") are counted in `noMajority`, not in `compared`, since there is nothing
 * to agree with. The interval is Wilson's (see wilsonInterval). Raters appear in the order of
 * their first answer; a rater with nothing to compare has rate and interval null.
 *
 * Leaving the rater out follows Snow et al., "Cheap and Fast — But is it Good?" (EMNLP 2008),
 * who score each annotator against the aggregate of the other annotators. This is a descriptive
 * figure for screening raters, not a chance-corrected coefficient: a rater who always answers
 * the commonest category scores well. Use krippendorffAlpha / fleissKappa for reliability.
 */
export function agreementWithMajority<V extends string | number>(
  units: readonly RatingUnit<V>[],
  options: { rule?: MajorityRule } = {},
): RaterAgreement[] {
  const rule = options.rule ?? "plurality";
  const tallies = new Map<string, { agreed: number; compared: number; noMajority: number }>();
  const tally = (raterId: string) => {
    let t = tallies.get(raterId);
    if (!t) tallies.set(raterId, (t = { agreed: 0, compared: 0, noMajority: 0 }));
    return t;
  };

  for (const unit of units) {
    const all = countValues(unit.values.map((v) => v.value));
    const byRater = new Map<string, V[]>();
    for (const { raterId, value } of unit.values) {
      const own = byRater.get(raterId);
      if (own) own.push(value);
      else byRater.set(raterId, [value]);
    }
    for (const [raterId, own] of byRater) {
      const t = tally(raterId);
      // The others' answers: everything in the unit minus all of this rater's own answers.
      const others = new Map(all);
      for (const value of own) others.set(value, others.get(value)! - 1);
      const othersCount = unit.values.length - own.length;
      if (othersCount === 0) continue;
      const majority = majorityOf(others, othersCount, rule);
      for (const value of own) {
        if (majority === undefined) t.noMajority++;
        else {
          t.compared++;
          if (value === majority) t.agreed++;
        }
      }
    }
  }

  return [...tallies.entries()].map(([raterId, { agreed, compared, noMajority }]) => {
    if (compared === 0) return { raterId, agreed, compared, noMajority, rate: null, interval: null };
    const [low, high] = wilsonInterval(agreed, compared);
    return {
      raterId,
      agreed,
      compared,
      noMajority,
      rate: agreed / compared,
      interval: { low, high, method: "wilson" },
    };
  });
}

function countValues<V>(values: readonly V[]): Map<V, number> {
  const counts = new Map<V, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** The majority answer among `counts` (total `n`) under `rule`, or undefined when there is none. */
function majorityOf<V>(counts: ReadonlyMap<V, number>, n: number, rule: MajorityRule): V | undefined {
  let best: V | undefined;
  let bestCount = 0;
  let tied = false;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
      tied = false;
    } else if (count === bestCount) tied = true;
  }
  if (bestCount === 0 || tied) return undefined;
  if (rule === "absolute" && bestCount * 2 <= n) return undefined;
  return best;
}
