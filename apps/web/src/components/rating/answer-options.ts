/**
 * The answer buttons of each scale and their keys. Keys are the same on every question so a rater
 * can answer with one hand: 1…4 (or 1…5 on the five-point scale) from left-favouring to
 * right-favouring, ← and → as shortcuts for "left better" and "right better".
 */
export type Scale = "ab-tie-bothbad" | "five-point";
export type RaterAnswer = "left" | "right" | "tie" | "both_bad" | number;
export type AnswerOption = { value: RaterAnswer; key: string; label: string };

export const ANSWER_OPTIONS: Record<Scale, AnswerOption[]> = {
  "ab-tie-bothbad": [
    { value: "left", key: "1", label: "Left better" },
    { value: "tie", key: "2", label: "Tie" },
    { value: "right", key: "3", label: "Right better" },
    { value: "both_bad", key: "4", label: "Both bad" },
  ],
  "five-point": [
    { value: -2, key: "1", label: "Left much better" },
    { value: -1, key: "2", label: "Left better" },
    { value: 0, key: "3", label: "About the same" },
    { value: 1, key: "4", label: "Right better" },
    { value: 2, key: "5", label: "Right much better" },
  ],
};

/** The answer a key press means on a scale, or undefined when the key does nothing there. */
export function answerForKey(scale: Scale, key: string): RaterAnswer | undefined {
  if (key === "ArrowLeft") return scale === "five-point" ? -1 : "left";
  if (key === "ArrowRight") return scale === "five-point" ? 1 : "right";
  return ANSWER_OPTIONS[scale].find((o) => o.key === key)?.value;
}

export const SKIP_REASONS = [
  { value: "cannot-judge", key: "1", label: "I cannot judge this" },
  { value: "media-broken", key: "2", label: "Media does not load or play" },
  { value: "offensive", key: "3", label: "Offensive or disturbing content" },
  { value: "other", key: "4", label: "Other reason" },
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number]["value"];

/** Every shortcut, as the help panel lists it. */
export const SHORTCUTS: { keys: string; action: string; video?: boolean }[] = [
  { keys: "1 2 3 4 (5)", action: "Answer the highlighted question" },
  { keys: "← →", action: "Left better / right better" },
  { keys: "↑ ↓", action: "Previous / next question" },
  { keys: "Enter", action: "Submit and go to the next pair" },
  { keys: "S", action: "Skip this pair (then pick a reason)" },
  { keys: "U", action: "Undo the last judgment (for 10 seconds)" },
  { keys: "Z", action: "Magnifier on / off (images)" },
  { keys: "Space", action: "Play / pause both", video: true },
  { keys: ", .", action: "Step one frame back / forward", video: true },
  { keys: "L", action: "Loop on / off", video: true },
  { keys: "?", action: "Show or hide these shortcuts and the instructions" },
];
