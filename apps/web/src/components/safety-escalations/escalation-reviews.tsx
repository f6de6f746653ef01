import { describeLabelling } from "../safety-review/policy-names";
import type { EscalatedItem, Policy } from "../safety-review/types";

/** The item's reviews, reviewers numbered (never named), with their labels, severity and note. */
export function EscalationReviews({
  policy,
  reviews,
}: {
  policy: Policy;
  reviews: EscalatedItem["reviews"];
}) {
  return (
    <ul aria-label="Reviews" className="space-y-1 text-sm">
      {reviews.map((r) => (
        <li key={r.reviewer} className="rounded-md bg-zinc-50 px-3 py-1.5 dark:bg-zinc-900">
          <span className="font-medium">{r.reviewer}:</span> {describeLabelling(policy, r)}
          {r.note ? (
            <p className="mt-0.5 whitespace-pre-wrap text-zinc-600 dark:text-zinc-400">Note: {r.note}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
