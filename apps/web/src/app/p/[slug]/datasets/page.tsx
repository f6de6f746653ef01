import type { Metadata } from "next";
import { ExportList } from "@/components/datasets/export-list";
import { NewExportForm } from "@/components/datasets/new-export-form";
import { PageHeader } from "@/components/page-header";
import { gateSection } from "../_lib/section-gate";
import { sectionHref } from "../_lib/sections";

export const metadata: Metadata = { title: "Datasets" };
export const dynamic = "force-dynamic";

export default async function DatasetsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, project } = await gateSection(slug, "datasets");
  if (denied) return denied;
  return (
    <>
      <PageHeader
        title="Datasets"
        description="The preferences collected here, leaving as versioned datasets for reward-model training and reward finetuning: Pick-a-Pic Parquet, HPDv2, ImageReward and DPO layouts, each with a manifest of checksums and a dataset card (docs/datasets.md)."
      />
      <div className="space-y-6">
        <ExportList projectSlug={project.slug} studiesHref={sectionHref(project.slug, "studies")} />
        <NewExportForm projectSlug={project.slug} />
      </div>
    </>
  );
}
