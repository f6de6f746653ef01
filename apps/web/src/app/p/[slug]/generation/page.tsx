import type { Metadata } from "next";
import { GenerationJobList } from "@/components/generation/generation-job-list";
import { NewGenerationJobForm } from "@/components/generation/new-generation-job-form";
import { PageHeader } from "@/components/page-header";
import { gateSection } from "../_lib/section-gate";

export const metadata: Metadata = { title: "Generation" };
export const dynamic = "force-dynamic";

export default async function GenerationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, project } = await gateSection(slug, "generation");
  if (denied) return denied;
  return (
    <>
      <PageHeader
        title="Generation"
        description="Run models on prompt sets: workers on any machine share each job, and every output records its latency, steps and machine."
      />
      <div className="space-y-6">
        <GenerationJobList projectSlug={project.slug} />
        <NewGenerationJobForm projectSlug={project.slug} />
      </div>
    </>
  );
}
