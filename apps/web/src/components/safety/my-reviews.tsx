import Link from "next/link";
import { EmptyState } from "../empty-state";
import { formatCount } from "../format";
import { StatusBadge } from "../status-badge";
import { buttonClass, cardClass, secondaryButtonClass } from "../styles";
import { reviewHrefs } from "./hrefs";
import type { MyReview } from "./types";

/**
 * The safety reviews the viewer is named on, by their neutral label (study names can carry the
 * models under review), with their progress and the way in; seniors also get the escalations.
 */
export function MyReviews({ reviews }: { reviews: MyReview[] }) {
  if (reviews.length === 0)
    return (
      <EmptyState title="No reviews for you">
        <p>
          When a researcher names you as a reviewer of a running safety review, it appears here with your
          progress and a link to start reviewing.
        </p>
      </EmptyState>
    );
  return (
    <ul className="grid grid-cols-1 gap-3 md:grid-cols-2">
      {reviews.map((r) => {
        const titleId = `review-${r.studyId}-title`;
        const hrefs = reviewHrefs(r.studyId);
        return (
          <li key={r.studyId} aria-labelledby={titleId} className={`${cardClass} space-y-3 p-4`}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id={titleId} className="font-semibold">
                {r.label}
              </h3>
              <span className="flex items-center gap-2">
                {r.senior ? (
                  <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800 dark:bg-violet-950 dark:text-violet-200">
                    senior reviewer
                  </span>
                ) : null}
                <StatusBadge status={r.status} />
              </span>
            </div>
            <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
              {formatCount(r.done)} of {formatCount(r.total)} reviewed
            </p>
            <div className="flex flex-wrap gap-2">
              <Link href={hrefs.review} className={buttonClass}>
                Review
              </Link>
              {r.senior ? (
                <Link href={hrefs.escalations} className={secondaryButtonClass}>
                  Escalation queue
                </Link>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
