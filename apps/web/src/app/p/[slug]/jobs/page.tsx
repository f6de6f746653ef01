import type { Metadata } from "next";
import { jobDefinitions } from "@loupe/jobs";
import { JobTable } from "@/components/job-table";
import { PageHeader } from "@/components/page-header";
import { VerifyMediaButton } from "@/components/verify-media-button";
import { gateSection } from "../_lib/section-gate";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

/** Job names → the titles people read (from the one definition of each job). */
const TITLES: Record<string, string> = Object.fromEntries(
  Object.values(jobDefinitions).map((d) => [d.name, d.title]),
);

export default async function JobsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, project } = await gateSection(slug, "jobs");
  if (denied) return denied;
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Background work on this project, run by workers that share its database: status, progress, retries and errors."
        actions={<VerifyMediaButton projectSlug={project.slug} />}
      />
      <JobTable projectSlug={project.slug} titles={TITLES} />
    </>
  );
}
