/**
 * Judgments → the counts Bradley–Terry is fitted on. A step of its own because the counts are its
 * sufficient statistics: callers aggregate once, keep the counts (a study's results store them) and
 * fit or bootstrap from them, whatever the number of judgments.
 */
import type { PairwiseJudgment } from "../outcomes";
import { compareText } from "./text";
import type { SideCounts } from "./types";

/**
 * Aggregates judgments into counts per ordered (left, right) pair in one pass, O(n). The left
 * model is the one the rater saw on the left: `modelA` when `leftWasA`, else `modelB`. "A"/"B"
 * verdicts become left or right wins accordingly; "tie" and "bothBad" are ties. Sorted by left
 * then right model, in code-unit order. A judgment of a model against itself is kept (as its own
 * row), so that the fit can report it rather than lose it silently.
 */
export function sideCountsOf(judgments: readonly PairwiseJudgment[]): SideCounts[] {
  const modelIndex = new Map<string, number>();
  const names: string[] = [];
  const indexOf = (model: string) => {
    let index = modelIndex.get(model);
    if (index === undefined) {
      index = names.length;
      modelIndex.set(model, index);
      names.push(model);
    }
    return index;
  };
  // Slot per ordered pair, keyed by a number (left·2²⁶ + right, exact below 2⁵³) instead of a
  // concatenated string: one million judgments aggregate in tens of milliseconds.
  const slotOf = new Map<number, number>();
  const rows: { left: number; right: number; leftWins: number; rightWins: number; ties: number }[] = [];
  for (const judgment of judgments) {
    const leftModel = judgment.leftWasA ? judgment.modelA : judgment.modelB;
    const rightModel = judgment.leftWasA ? judgment.modelB : judgment.modelA;
    const left = indexOf(leftModel);
    const right = indexOf(rightModel);
    const key = left * 67108864 + right;
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = rows.length;
      slotOf.set(key, slot);
      rows.push({ left, right, leftWins: 0, rightWins: 0, ties: 0 });
    }
    const row = rows[slot]!;
    const winner = judgment.outcome;
    if (winner === "A" || winner === "B") {
      if ((winner === "A") === judgment.leftWasA) row.leftWins++;
      else row.rightWins++;
    } else {
      row.ties++;
    }
  }
  return rows
    .map((row) => ({
      left: names[row.left]!,
      right: names[row.right]!,
      leftWins: row.leftWins,
      rightWins: row.rightWins,
      ties: row.ties,
    }))
    .sort((a, b) => compareText(a.left, b.left) || compareText(a.right, b.right));
}
