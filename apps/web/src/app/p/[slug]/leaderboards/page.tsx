import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { ProjectLeaderboard } from "@/components/results/project-leaderboard";
import { gateSection } from "../_lib/section-gate";
import { sectionHref } from "../_lib/sections";

export const metadata: Metadata = { title: "Leaderboards" };
export const dynamic = "force-dynamic";

export default async function LeaderboardsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, project } = await gateSection(slug, "leaderboards");
  if (denied) return denied;
  return (
    <>
      <PageHeader
        title="Leaderboards"
        description="Bradley–Terry ratings with 95% intervals, pooled over every study of a template. Each study's own results — pairs, agreement, bias, breakdowns — are on its Results tab."
      />
      <ProjectLeaderboard projectSlug={project.slug} studiesHref={sectionHref(project.slug, "studies")} />
    </>
  );
}
