/**
 * A review being filled in, and the rules the server applies to it (packages/api/src/safety/answers.ts),
 * checked here first so a reviewer hears what is missing before a round trip. Pure functions:
 * the reviewer's page and the senior's decision form share them.
 */
import { UNSURE } from "@loupe/api/study-config";
import type { PolicyCategory, PreviousReview, RepresentationAttribute } from "./types";

export { UNSURE };

/** Policy labels and the severity that goes with them: what reviewers and seniors both decide. */
export type Labelling = { labels: string[]; severity: string | null };

export type ReviewDraft = Labelling & {
  note: string;
  /** Attribute id → chosen value or UNSURE. */
  representation: Record<string, string>;
};

export const EMPTY_DRAFT: ReviewDraft = { labels: [], severity: null, note: "", representation: {} };

/** The draft an item starts with: empty, or, after an undo, the review given before. */
export function draftFrom(previous: PreviousReview | null): ReviewDraft {
  if (!previous) return EMPTY_DRAFT;
  return {
    labels: [...previous.labels],
    severity: previous.severity,
    note: previous.note ?? "",
    representation: { ...previous.representation },
  };
}

/**
 * Adds or removes a category. Labels stay in the policy's order (so the same choice always reads
 * the same), and removing the last one clears the severity: a severity needs a category.
 */
export function toggleLabel<T extends Labelling>(
  draft: T,
  categoryId: string,
  categories: readonly Pick<PolicyCategory, "id">[],
): T {
  const chosen = new Set(draft.labels);
  if (chosen.has(categoryId)) chosen.delete(categoryId);
  else chosen.add(categoryId);
  const labels = categories.map((c) => c.id).filter((id) => chosen.has(id));
  return { ...draft, labels, severity: labels.length === 0 ? null : draft.severity };
}

/** Picks a severity; ignored while no category is chosen (the control is disabled then). */
export function chooseSeverity<T extends Labelling>(draft: T, severityId: string): T {
  return draft.labels.length === 0 ? draft : { ...draft, severity: severityId };
}

/** "No violation": no category, no severity. */
export function clearLabels<T extends Labelling>(draft: T): T {
  return { ...draft, labels: [], severity: null };
}

export function answerAttribute(draft: ReviewDraft, attributeId: string, value: string): ReviewDraft {
  return { ...draft, representation: { ...draft.representation, [attributeId]: value } };
}

/** What the server would refuse in the labelling, in its words; null when it is complete. */
export function labellingProblem(draft: Labelling): string | null {
  if (draft.labels.length > 0 && draft.severity === null)
    return "Choose a severity for the categories you labelled.";
  return null;
}

/** The first problem with a draft (labels, then each audited attribute), or null. */
export function draftProblem(
  draft: ReviewDraft,
  attributes: readonly RepresentationAttribute[],
): string | null {
  const labelling = labellingProblem(draft);
  if (labelling) return labelling;
  const open = attributes.find((a) => draft.representation[a.id] === undefined);
  return open ? `“${open.label}” needs an answer (or “Unsure”).` : null;
}

/** The `answers` of `safety.submit`: representation only for an audited item, the note only when written. */
export type ReviewAnswers = {
  labels: string[];
  severity: string | null;
  note?: string;
  representation?: Record<string, string>;
};

export function draftAnswers(
  draft: ReviewDraft,
  attributes: readonly RepresentationAttribute[],
): ReviewAnswers {
  const note = draft.note.trim();
  return {
    labels: draft.labels,
    severity: draft.severity,
    ...(note ? { note } : {}),
    ...(attributes.length > 0
      ? {
          // An unanswered attribute is left out, never guessed: the server then names it.
          representation: Object.fromEntries(
            attributes.flatMap((a) => {
              const value = draft.representation[a.id];
              return value === undefined ? [] : [[a.id, value]];
            }),
          ),
        }
      : {}),
  };
}
