import type { Outcome, PairwiseJudgment } from "../outcomes";
import { flipOutcome } from "./tally";

/** One aggregated judgment per item, with how many raters it summarises. */
export type MajorityJudgment = PairwiseJudgment & { raterId: "majority"; raters: number };

const OUTCOMES: readonly Outcome[] = ["A", "B", "tie", "bothBad"];

/**
 * Majority vote of the raters of each item — the aggregation the Movie Gen (Polyak et al., "Movie Gen:
 * A Cast of Media Foundation Models", 2024) and Imagen 3 (Imagen-Team-Google, 2024) human evaluations
 * report, as an alternative to counting every judgment. One judgment per itemId comes out:
 *
 *   outcome = the outcome most raters chose; when two or more outcomes share the top count the item
 *             is a "tie" — the raters did not settle it, so it is neither model's win (so 2 A vs
 *             2 B, 1 A + 1 B + 1 both bad, and 2 A vs 2 "both bad" are all ties);
 *   raterId = "majority", raters = how many judgments were combined;
 *   promptId, modelA, modelB, leftWasA = those of the item's first judgment.
 *
 * Judgments stored with the models the other way round are flipped into the first one's orientation.
 * Input must be the effective judgments (corrections already applied): a rater who appears twice on an
 * item counts twice. Items come out in order of first appearance. Throws when an item's judgments
 * disagree about its prompt or its models, since then "the item" is not one task.
 */
export function majorityPerItem(judgments: readonly PairwiseJudgment[]): MajorityJudgment[] {
  const items = new Map<string, { first: PairwiseJudgment; votes: number[]; raters: number }>();
  for (const judgment of judgments) {
    let item = items.get(judgment.itemId);
    if (!item) {
      item = { first: judgment, votes: [0, 0, 0, 0], raters: 0 };
      items.set(judgment.itemId, item);
    }
    const { first } = item;
    let outcome = judgment.outcome;
    if (
      judgment.modelA === first.modelB &&
      judgment.modelB === first.modelA &&
      first.modelA !== first.modelB
    ) {
      outcome = flipOutcome(outcome);
    } else if (judgment.modelA !== first.modelA || judgment.modelB !== first.modelB) {
      throw new RangeError(
        `item ${judgment.itemId} has judgments of ${first.modelA} vs ${first.modelB} and of ${judgment.modelA} vs ${judgment.modelB}`,
      );
    }
    if (judgment.promptId !== first.promptId) {
      throw new RangeError(
        `item ${judgment.itemId} has judgments on prompts ${first.promptId} and ${judgment.promptId}`,
      );
    }
    const index = OUTCOMES.indexOf(outcome);
    if (index < 0) {
      throw new RangeError(
        `judgment on item ${judgment.itemId} has unknown outcome ${JSON.stringify(outcome)}`,
      );
    }
    item.votes[index]!++;
    item.raters++;
  }
  return [...items.values()].map(({ first, votes, raters }) => ({
    itemId: first.itemId,
    promptId: first.promptId,
    raterId: "majority",
    modelA: first.modelA,
    modelB: first.modelB,
    outcome: majorityOutcome(votes),
    leftWasA: first.leftWasA,
    raters,
  }));
}

/** The outcome with the most votes; a shared top count is a "tie" (see majorityPerItem). */
function majorityOutcome(votes: readonly number[]): Outcome {
  const top = Math.max(...votes);
  const leaders = OUTCOMES.filter((_, index) => votes[index] === top);
  return leaders.length === 1 ? leaders[0]! : "tie";
}
