import type { Metadata } from "next";
import { AuditWorkspace } from "@/components/curation-audit/audit-workspace";
import { loadProject } from "../../_lib/project";

export const metadata: Metadata = { title: "Filter audit" };
export const dynamic = "force-dynamic";

/** Answering a filter audit: open to every project member (raters included), blind to the filters. */
export default async function CurationAuditPage({
  params,
}: {
  params: Promise<{ slug: string; auditId: string }>;
}) {
  const { slug, auditId } = await params;
  const { project } = await loadProject(slug);
  return <AuditWorkspace projectSlug={project.slug} auditId={auditId} />;
}
