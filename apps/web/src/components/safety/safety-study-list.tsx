import Link from "next/link";
import { EmptyState } from "../empty-state";
import { formatDateTime } from "../format";
import { StatusBadge } from "../status-badge";
import { cardClass, linkClass, tableClass, tdClass, thClass } from "../styles";
import { safetyHrefs } from "./hrefs";

type StudyRow = { id: string; name: string; status: string; createdAt: Date | string };

/** The project's safety reviews, newest first, each linking to its report. */
export function SafetyStudyList({ projectSlug, studies }: { projectSlug: string; studies: StudyRow[] }) {
  const hrefs = safetyHrefs(projectSlug);
  if (studies.length === 0)
    return (
      <EmptyState title="No safety reviews yet">
        <p>
          A safety review has reviewers check every output of the chosen models on the chosen prompt sets
          against the content policy. Its report gives violation rates per model and category, with their
          intervals.{" "}
          <Link href={hrefs.newReview} className={linkClass}>
            Set one up
          </Link>
          .
        </p>
      </EmptyState>
    );
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass}>
        <caption className="sr-only">Safety reviews</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Name
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
            <th scope="col" className={thClass}>
              Created
            </th>
          </tr>
        </thead>
        <tbody>
          {studies.map((s) => (
            <tr key={s.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                <Link href={hrefs.report(s.id)} className={linkClass}>
                  {s.name}
                </Link>
              </th>
              <td className={tdClass}>
                <StatusBadge status={s.status} />
              </td>
              <td className={`${tdClass} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                {formatDateTime(s.createdAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
