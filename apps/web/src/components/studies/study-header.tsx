import Link from "next/link";
import { formatCount, formatDateTime } from "../format";
import { PageHeader } from "../page-header";
import { StatusBadge } from "../status-badge";
import { linkClass } from "../styles";
import { StudyActions } from "./study-actions";
import { StudyTabs } from "./study-tabs";
import type { StudyDetail } from "./types";

/** A study's title, status, counts and actions, above its page and its monitor. */
export function StudyHeader({
  projectSlug,
  study,
  studiesHref,
  studyHref,
  current,
}: {
  projectSlug: string;
  study: StudyDetail;
  studiesHref: string;
  studyHref: string;
  current: "study" | "monitor" | "results";
}) {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={studiesHref} className={linkClass}>
          ← All studies
        </Link>
      </p>
      <PageHeader
        title={study.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatusBadge status={study.status} />
            <span>
              {study.kind} study · created {formatDateTime(study.createdAt)} · {formatCount(study.tasks)}{" "}
              tasks
              {study.goldTasks > 0 ? ` + ${formatCount(study.goldTasks)} gold` : ""} ·{" "}
              {formatCount(study.judgments)} judgments
            </span>
          </span>
        }
        actions={<StudyActions projectSlug={projectSlug} studyId={study.id} status={study.status} />}
      />
      {study.kind === "pairwise" ? <StudyTabs studyHref={studyHref} current={current} /> : null}
    </>
  );
}
