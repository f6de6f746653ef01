import type { Outcome, PairCounts, PairwiseJudgment } from "../outcomes";

/**
 * Counting judgments per model pair. A pair is unordered — "Sora vs Veo" and "Veo vs Sora" are one
 * comparison — so every count is kept in one canonical orientation: modelA < modelB by plain string
 * comparison (UTF-16 code units, not locale order, so it is the same on every machine).
 */

/** The key of a pair in canonical orientation, "modelA|modelB"; used by the adaptive plan. */
export function pairKey(modelA: string, modelB: string): string {
  return modelA <= modelB ? `${modelA}|${modelB}` : `${modelB}|${modelA}`;
}

/** True when the judgment's task lists the models against canonical order, so A and B must swap. */
export function isFlipped(judgment: Pick<PairwiseJudgment, "modelA" | "modelB">): boolean {
  return judgment.modelA > judgment.modelB;
}

/** The outcome seen from the other side: A and B swap, a tie or "both bad" stays what it is. */
export function flipOutcome(outcome: Outcome): Outcome {
  switch (outcome) {
    case "A":
      return "B";
    case "B":
      return "A";
    case "tie":
    case "bothBad":
      return outcome;
    default:
      throw new RangeError(`unknown outcome ${JSON.stringify(outcome as unknown)}`);
  }
}

/** Column of each outcome in the count arrays the bootstrap uses: A wins, B wins, ties, both bad. */
export const OUTCOME_COLUMN = { A: 0, B: 1, tie: 2, bothBad: 3 } as const satisfies Record<Outcome, number>;

/**
 * The column of a judgment's outcome in canonical orientation (modelA < modelB): a judgment stored
 * the other way round has its A and B wins swapped. Throws on an outcome outside the four.
 */
export function canonicalColumn(judgment: PairwiseJudgment): number {
  const column = OUTCOME_COLUMN[judgment.outcome] as number | undefined;
  if (column === undefined) {
    throw new RangeError(
      `judgment on item ${judgment.itemId} has unknown outcome ${JSON.stringify(judgment.outcome as unknown)}`,
    );
  }
  return column < 2 && isFlipped(judgment) ? 1 - column : column;
}

/**
 * Counts of A wins, B wins, ties and "both bad" per unordered model pair, oriented modelA < modelB.
 * These four counts are the sufficient statistics of every pairwise estimate that treats judgments as
 * exchangeable (win rate, net win rate, Bradley–Terry with ties). Pairs come out sorted by modelA,
 * then modelB. A judgment of a model against itself (a sanity-check task) is kept as its own pair.
 */
export function tallyPairs(judgments: readonly PairwiseJudgment[]): PairCounts[] {
  const byFirst = new Map<string, Map<string, PairCounts>>();
  for (const judgment of judgments) {
    const column = canonicalColumn(judgment);
    const [first, second] = isFlipped(judgment)
      ? [judgment.modelB, judgment.modelA]
      : [judgment.modelA, judgment.modelB];
    let bySecond = byFirst.get(first);
    if (!bySecond) byFirst.set(first, (bySecond = new Map()));
    let counts = bySecond.get(second);
    if (!counts) {
      counts = { modelA: first, modelB: second, aWins: 0, bWins: 0, ties: 0, bothBad: 0 };
      bySecond.set(second, counts);
    }
    if (column === 0) counts.aWins++;
    else if (column === 1) counts.bWins++;
    else if (column === 2) counts.ties++;
    else counts.bothBad++;
  }
  return [...byFirst.values()].flatMap((bySecond) => [...bySecond.values()]).sort(compareByModels);
}

/** Orders pairs by modelA, then modelB, in code-unit order. */
export function compareByModels(
  left: { modelA: string; modelB: string },
  right: { modelA: string; modelB: string },
): number {
  if (left.modelA !== right.modelA) return left.modelA < right.modelA ? -1 : 1;
  if (left.modelB !== right.modelB) return left.modelB < right.modelB ? -1 : 1;
  return 0;
}

/** All judgments of a pair: A wins + B wins + ties + both bad. */
export function totalOf(counts: PairCounts): number {
  return counts.aWins + counts.bWins + counts.ties + counts.bothBad;
}
