import type { Metadata } from "next";
import Link from "next/link";
import { GenerationJobView } from "@/components/generation/generation-job-view";
import { PageHeader } from "@/components/page-header";
import { linkClass } from "@/components/styles";
import { gateSection } from "../../_lib/section-gate";
import { sectionHref } from "../../_lib/sections";

export const metadata: Metadata = { title: "Generation job" };
export const dynamic = "force-dynamic";

export default async function GenerationJobPage({
  params,
}: {
  params: Promise<{ slug: string; jobId: string }>;
}) {
  const { slug, jobId } = await params;
  const { denied, project } = await gateSection(slug, "generation");
  if (denied) return denied;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={sectionHref(project.slug, "generation")} className={linkClass}>
          ← All generation jobs
        </Link>
      </p>
      <PageHeader title="Generation job" description="Done, failed, rate and time to go, live." />
      <GenerationJobView projectSlug={project.slug} jobId={jobId} />
    </>
  );
}
