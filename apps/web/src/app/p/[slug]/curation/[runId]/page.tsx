import type { Metadata } from "next";
import Link from "next/link";
import { CurationRunView } from "@/components/curation/curation-run-view";
import { PageHeader } from "@/components/page-header";
import { linkClass } from "@/components/styles";
import { gateSection } from "../../_lib/section-gate";

export const metadata: Metadata = { title: "Curation run" };
export const dynamic = "force-dynamic";

export default async function CurationRunPage({
  params,
}: {
  params: Promise<{ slug: string; runId: string }>;
}) {
  const { slug, runId } = await params;
  const { denied, project } = await gateSection(slug, "curation");
  if (denied) return denied;
  return (
    <>
      <PageHeader
        title="Curation run"
        description={
          <Link href={`/p/${encodeURIComponent(project.slug)}/curation`} className={linkClass}>
            ← All curation runs
          </Link>
        }
      />
      <CurationRunView projectSlug={project.slug} runId={runId} />
    </>
  );
}
