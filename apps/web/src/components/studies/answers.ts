/**
 * The answers each scale allows, in A/B orientation (as the API stores them), with the words a
 * researcher reads. Five-point answers are -2 … 2, negative favouring A.
 */
import type { AnswerScale, GoldAnswer } from "./types";

export const SCALE_LABELS: Record<AnswerScale, string> = {
  "ab-tie-bothbad": "A better / tie / B better / both bad",
  "five-point": "5 points: A≫B … B≫A",
};

export const SCALE_ANSWERS: Record<AnswerScale, readonly { value: GoldAnswer; label: string }[]> = {
  "ab-tie-bothbad": [
    { value: "A", label: "A better" },
    { value: "tie", label: "Tie" },
    { value: "B", label: "B better" },
    { value: "both_bad", label: "Both bad" },
  ],
  "five-point": [
    { value: -2, label: "A much better" },
    { value: -1, label: "A better" },
    { value: 0, label: "Tie" },
    { value: 1, label: "B better" },
    { value: 2, label: "B much better" },
  ],
};

/** How an expected answer reads (unknown values are shown as they are). */
export function answerLabel(value: string | number): string {
  for (const answers of Object.values(SCALE_ANSWERS)) {
    const hit = answers.find((a) => a.value === value);
    if (hit) return hit.label;
  }
  return String(value);
}
