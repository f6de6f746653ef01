import type { Metadata } from "next";
import Link from "next/link";
import { EvaluationRunView } from "@/components/evaluations/evaluation-run-view";
import { PageHeader } from "@/components/page-header";
import { linkClass } from "@/components/styles";
import { gateSection } from "../../_lib/section-gate";

export const metadata: Metadata = { title: "Evaluation" };
export const dynamic = "force-dynamic";

export default async function EvaluationRunPage({
  params,
}: {
  params: Promise<{ slug: string; runId: string }>;
}) {
  const { slug, runId } = await params;
  const { denied, project } = await gateSection(slug, "evaluations");
  if (denied) return denied;
  return (
    <>
      <PageHeader
        title="Evaluation"
        description={
          <Link href={`/p/${encodeURIComponent(project.slug)}/evaluations`} className={linkClass}>
            ← All evaluations
          </Link>
        }
      />
      <EvaluationRunView projectSlug={project.slug} runId={runId} />
    </>
  );
}
