import type { Metadata } from "next";
import { CurationRunList } from "@/components/curation/curation-run-list";
import { NewCurationRunForm } from "@/components/curation/new-curation-run-form";
import { PageHeader } from "@/components/page-header";
import { gateSection } from "../_lib/section-gate";

export const metadata: Metadata = { title: "Curation" };
export const dynamic = "force-dynamic";

export default async function CurationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, project } = await gateSection(slug, "curation");
  if (denied) return denied;
  return (
    <>
      <PageHeader
        title="Curation"
        description="Filter image corpora into training data: every item's decision with its reason, the funnel of what each stage removed, and what other thresholds would keep."
      />
      <div className="space-y-6">
        <CurationRunList projectSlug={project.slug} />
        <NewCurationRunForm projectSlug={project.slug} />
      </div>
    </>
  );
}
