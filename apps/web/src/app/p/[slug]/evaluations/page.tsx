import type { Metadata } from "next";
import { EvaluationRunList } from "@/components/evaluations/evaluation-run-list";
import { EvaluatorModelList } from "@/components/evaluations/evaluator-model-list";
import { NewEvaluationRunForm } from "@/components/evaluations/new-evaluation-run-form";
import { PageHeader } from "@/components/page-header";
import { gateSection } from "../_lib/section-gate";

export const metadata: Metadata = { title: "Metrics" };
export const dynamic = "force-dynamic";

export default async function EvaluationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, project } = await gateSection(slug, "evaluations");
  if (denied) return denied;
  return (
    <>
      <PageHeader
        title="Metrics"
        description="Automatic metrics over outputs — FID, KID, CLIP score, DINO, PSNR, SSIM, text area — computed by workers with registered ONNX models, next to the human results."
      />
      <div className="space-y-6">
        <EvaluationRunList projectSlug={project.slug} />
        <NewEvaluationRunForm projectSlug={project.slug} />
        <EvaluatorModelList projectSlug={project.slug} />
      </div>
    </>
  );
}
