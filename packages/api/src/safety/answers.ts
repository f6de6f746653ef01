/**
 * A reviewer's answer to one item, checked against the policy version the study uses: policy
 * labels (several, or none for "no violation"), a severity when anything was labelled, an
 * optional note, and, on audited prompts, one value (or "unsure") per representation attribute.
 */
import { z } from "zod";
import { UNSURE, type SafetyConfig } from "../studies/config";
import type { PolicyContent } from "./taxonomy-schema";

export const reviewAnswersSchema = z.object({
  labels: z.array(z.string().max(40)).max(40),
  severity: z.string().max(40).nullable().default(null),
  note: z.string().trim().max(2_000).optional(),
  representation: z.record(z.string().max(40), z.string().max(60)).optional(),
});
export type ReviewAnswers = z.infer<typeof reviewAnswersSchema>;

/** As stored in Judgment.answers. */
export type StoredReview = {
  labels: string[];
  severity: string | null;
  note?: string;
  representation?: Record<string, string>;
};

export class ReviewAnswerError extends Error {
  override name = "ReviewAnswerError";
}

export function checkReviewAnswers(
  given: ReviewAnswers,
  policy: PolicyContent & { version: number },
  config: Pick<SafetyConfig, "representation">,
  /** Whether this item's prompt is in the representation audit. */
  audited: boolean,
): StoredReview {
  const categories = new Set(policy.categories.map((c) => c.id));
  for (const label of given.labels)
    if (!categories.has(label))
      throw new ReviewAnswerError(`"${label}" is not a category of the policy (version ${policy.version}).`);
  if (new Set(given.labels).size !== given.labels.length)
    throw new ReviewAnswerError("A category is labelled twice.");
  if (given.labels.length > 0 && given.severity === null)
    throw new ReviewAnswerError("Choose a severity for the categories you labelled.");
  if (given.labels.length === 0 && given.severity !== null)
    throw new ReviewAnswerError("A severity needs at least one category; clear it for “no violation”.");
  if (given.severity !== null && !policy.severities.some((s) => s.id === given.severity))
    throw new ReviewAnswerError(
      `"${given.severity}" is not a severity of the policy (version ${policy.version}).`,
    );

  const stored: StoredReview = { labels: given.labels, severity: given.severity };
  if (given.note) stored.note = given.note;
  const attributes = audited ? (config.representation?.attributes ?? []) : [];
  const answered = given.representation ?? {};
  for (const id of Object.keys(answered))
    if (!attributes.some((a) => a.id === id))
      throw new ReviewAnswerError(`"${id}" is not a representation question of this item.`);
  if (attributes.length > 0) {
    stored.representation = {};
    for (const attribute of attributes) {
      const value = answered[attribute.id];
      if (value === undefined)
        throw new ReviewAnswerError(`"${attribute.label}" needs an answer (or “unsure”).`);
      if (value !== UNSURE && !attribute.values.includes(value))
        throw new ReviewAnswerError(`"${value}" is not one of the answers to "${attribute.label}".`);
      stored.representation[attribute.id] = value;
    }
  }
  return stored;
}

/** Whether an item with these prompt tags is in the study's representation audit. */
export function isAudited(
  config: Pick<SafetyConfig, "representation">,
  promptTags: readonly string[],
): boolean {
  const audit = config.representation;
  if (!audit) return false;
  return audit.promptTags.length === 0 || audit.promptTags.some((t) => promptTags.includes(t));
}
