import type { Metadata } from "next";
import { AddModelForm } from "@/components/add-model-form";
import { ModelTable } from "@/components/model-table";
import { PageHeader } from "@/components/page-header";
import { gateSection } from "../_lib/section-gate";

export const metadata: Metadata = { title: "Models" };
export const dynamic = "force-dynamic";

export default async function ModelsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, project } = await gateSection(slug, "models");
  if (denied) return denied;
  return (
    <>
      <PageHeader
        title="Models"
        description="The generators you evaluate. Each output in the project belongs to one model; studies compare them pairwise."
      />
      <div className="space-y-6">
        <ModelTable projectSlug={project.slug} />
        <AddModelForm projectSlug={project.slug} />
      </div>
    </>
  );
}
