/**
 * The reviewer's keyboard: which key does what in which state. Pure, so the whole map is tested
 * without a browser; the page only runs the action it returns. Every key is shown on screen
 * beside its control and listed in the help panel (REVIEW_SHORTCUTS).
 */
import { SKIP_REASONS, type SkipReason } from "../rating/answer-options";

/** Keys of the first ten policy categories, in the policy's order. */
export const CATEGORY_KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"] as const;
/** Keys of the severities, least to most severe (a policy has at most six). */
export const SEVERITY_KEYS = ["q", "w", "e", "r", "t", "y"] as const;

/**
 * Keys of an attribute's answers in representation mode: its values, then "Unsure" on the next
 * digit. Digits run out after 9; then "Unsure" takes 0 and values past the ninth have no key.
 */
export function attributeKeys(valueCount: number): (string | null)[] {
  const values = Array.from({ length: valueCount }, (_, i) => (i < 9 ? String(i + 1) : null));
  return [...values, valueCount < 9 ? String(valueCount + 1) : "0"];
}

export type ReviewPhase = "instructions" | "reviewing" | "waiting" | "done" | "paused";

export type KeyContext = {
  phase: ReviewPhase;
  hasItem: boolean;
  /** What covers the page: each blocks the shortcuts beneath it. */
  overlay: "break" | "help" | "skip" | null;
  /** The attribute that takes the digits (representation mode), or null. */
  representationIndex: number | null;
  /** Number of values of each audited attribute; empty when the item is not audited. */
  attributeValueCounts: readonly number[];
  categoryCount: number;
  severityCount: number;
  revealed: boolean;
};

export type KeyAction =
  | { type: "dismiss-break" }
  | { type: "toggle-help" }
  | { type: "close" }
  | { type: "start" }
  | { type: "undo" }
  | { type: "open-skip" }
  | { type: "skip"; reason: SkipReason }
  | { type: "toggle-category"; index: number }
  | { type: "severity"; index: number }
  | { type: "no-violation" }
  | { type: "focus-note" }
  | { type: "enter-representation" }
  /** `value` indexes the attribute's values; the index after the last one is "Unsure". */
  | { type: "answer-attribute"; attribute: number; value: number }
  | { type: "submit" }
  | { type: "reveal" }
  | { type: "play" }
  | { type: "grayscale" };

const inRange = (index: number, count: number) => (index >= 0 && index < count ? index : null);

function representationAnswer(key: string, ctx: KeyContext): KeyAction | null {
  const attribute = ctx.representationIndex;
  if (attribute === null) return null;
  const count = ctx.attributeValueCounts[attribute];
  if (count === undefined) return null;
  const value = attributeKeys(count).indexOf(key);
  return value === -1 ? null : { type: "answer-attribute", attribute, value };
}

/** The action a key press means now, or null when it means nothing (and must not be swallowed). */
export function reviewKeyAction(key: string, ctx: KeyContext): KeyAction | null {
  // A break is a pause: nothing but the key that ends it.
  if (ctx.overlay === "break") return key === "Enter" ? { type: "dismiss-break" } : null;
  if (key === "?") return { type: "toggle-help" };
  if (key === "Escape") return { type: "close" };
  if (ctx.overlay === "help") return null;
  if (ctx.overlay === "skip") {
    const reason = SKIP_REASONS.find((r) => r.key === key);
    return reason ? { type: "skip", reason: reason.value } : null;
  }
  if (ctx.phase === "instructions") return key === "Enter" ? { type: "start" } : null;
  const lower = key.toLowerCase();
  if (ctx.phase !== "reviewing" || !ctx.hasItem) return lower === "u" ? { type: "undo" } : null;

  const answer = representationAnswer(key, ctx);
  if (answer) return answer;
  const category = inRange((CATEGORY_KEYS as readonly string[]).indexOf(key), ctx.categoryCount);
  if (category !== null) return { type: "toggle-category", index: category };
  const severity = inRange((SEVERITY_KEYS as readonly string[]).indexOf(lower), ctx.severityCount);
  if (severity !== null) return { type: "severity", index: severity };

  switch (key) {
    case "Enter":
      return { type: "submit" };
    case " ":
      return ctx.revealed ? { type: "play" } : { type: "reveal" };
  }
  switch (lower) {
    case "n":
      return { type: "no-violation" };
    case "m":
      return { type: "focus-note" };
    case "a":
      return ctx.attributeValueCounts.length > 0 ? { type: "enter-representation" } : null;
    case "s":
      return { type: "open-skip" };
    case "u":
      return { type: "undo" };
    case "v":
      return ctx.revealed ? null : { type: "reveal" };
    case "g":
      return { type: "grayscale" };
  }
  return null;
}

/** Every shortcut, as the help panel and the instructions list them. */
export const REVIEW_SHORTCUTS = [
  { keys: "V or Space", action: "Reveal the media (Space then plays / pauses video and audio)" },
  { keys: "G", action: "Grayscale on / off" },
  { keys: "1 … 9, 0", action: "Label with the first ten policy categories (on / off)" },
  { keys: "Q W E R T Y", action: "Choose the severity, least to most severe" },
  { keys: "N", action: "No violation (clears labels and severity)" },
  { keys: "M", action: "Write a note (Esc leaves the note)" },
  { keys: "A", action: "Answer the representation questions: digits pick, Esc leaves" },
  { keys: "Enter", action: "Submit the review and go to the next item" },
  { keys: "S", action: "Skip this item (then 1–4 picks a reason, Esc cancels)" },
  { keys: "U", action: "Undo the last review (for 10 seconds)" },
  { keys: "?", action: "Show or hide these shortcuts and the instructions" },
] as const;
