import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatCount } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { Pager, pageFrom } from "@/components/pager";
import { AuditTrailTable } from "@/components/safety/audit-trail-table";
import { safetyHrefs } from "@/components/safety/hrefs";
import { SafetyReportView } from "@/components/safety/safety-report";
import { StatusBadge } from "@/components/status-badge";
import { StudyActions } from "@/components/studies/study-actions";
import { linkClass } from "@/components/styles";
import { orNotFound } from "../../_lib/or-not-found";
import { gateSafetyResearcher } from "../_lib/gate";

export const metadata: Metadata = { title: "Safety report" };
export const dynamic = "force-dynamic";

const AUDIT_PAGE_SIZE = 50;

type Props = {
  params: Promise<{ slug: string; studyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * A safety review's page for researchers: its heading and status actions (rendered here, so they
 * follow a status change at once), the report (which refreshes itself while the study runs), and
 * the audit trail, a page at a time.
 */
export default async function SafetyReportPage({ params, searchParams }: Props) {
  const { slug, studyId } = await params;
  const page = pageFrom((await searchParams).page);
  const { denied, caller, project } = await gateSafetyResearcher(slug);
  if (denied) return denied;
  const input = { projectSlug: project.slug, studyId };
  const study = await orNotFound(caller.studies.get(input));
  if (study.config.kind !== "safety") notFound();
  const audit = await caller.safety.auditTrail({
    ...input,
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  const hrefs = safetyHrefs(project.slug);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={hrefs.section} className={linkClass}>
          ← Safety
        </Link>
      </p>
      <PageHeader
        title={study.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatusBadge status={study.status} />
            <span>
              Policy version {study.config.policyVersion ?? "—"} · {formatCount(study.models.length)} models ·{" "}
              {formatCount(study.tasks)} items · {formatCount(study.config.overlap)} reviewers per item
            </span>
          </span>
        }
        actions={
          <StudyActions
            projectSlug={project.slug}
            studyId={study.id}
            status={study.status}
            canEditDesign={false}
          />
        }
      />
      <div className="space-y-10">
        <SafetyReportView projectSlug={project.slug} studyId={study.id} status={study.status} />
        <section aria-labelledby="safety-audit" className="space-y-3">
          <h2 id="safety-audit" className="text-lg font-semibold">
            Audit trail
          </h2>
          <AuditTrailTable entries={audit.entries} />
          <Pager
            basePath={hrefs.report(study.id)}
            page={page}
            pageSize={AUDIT_PAGE_SIZE}
            total={audit.total}
            noun="entries"
          />
        </section>
      </div>
    </>
  );
}
