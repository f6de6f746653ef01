import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { linkClass } from "@/components/styles";
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
        description="The preferences collected here, leaving as files for reward-model training and reward finetuning."
      />
      <EmptyState title="No dataset exports yet">
        <p>
          Versioned preference exports appear here — in Pick-a-Pic, HPDv2 and DPO JSONL layouts — each with
          the studies and filters it was built from, its row count, and a checksum, so a training run can name
          exactly which version it used.
        </p>
        <p>
          An export is built from the judgments of a pairwise study in{" "}
          <Link href={sectionHref(project.slug, "studies")} className={linkClass}>
            Studies
          </Link>
          ; once a study has judgments, exporting it creates a version here.
        </p>
      </EmptyState>
    </>
  );
}
