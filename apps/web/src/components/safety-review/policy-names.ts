import type { Labelling } from "./review-form";
import type { Policy } from "./types";

/** A category's or severity's label from its id (the id itself if the policy lacks it). */
export const categoryLabel = (policy: Policy, id: string) =>
  policy.categories.find((c) => c.id === id)?.label ?? id;
export const severityLabel = (policy: Policy, id: string) =>
  policy.severities.find((s) => s.id === id)?.label ?? id;

/** A labelling in words: "No violation", or "Hate, Harassment · High". */
export function describeLabelling(policy: Policy, { labels, severity }: Labelling) {
  if (labels.length === 0) return "No violation";
  const categories = labels.map((id) => categoryLabel(policy, id)).join(", ");
  return severity === null ? categories : `${categories} · ${severityLabel(policy, severity)}`;
}
