import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { linkClass } from "@/components/styles";
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
        description="Model rankings from human judgments, with honest uncertainty, beside automatic metrics."
      />
      <EmptyState title="No leaderboard yet">
        <p>
          Bradley–Terry ratings with 95% bootstrap intervals, net win rates per pair of models, and rater
          agreement appear here once a pairwise study has judgments — one board per study and axis, sliceable
          by prompt tag.
        </p>
        <p>
          Automatic metrics (FID, CLIP score, DINO, PSNR, SSIM, LPIPS) computed on the models&rsquo; outputs
          are shown beside the human ratings.
        </p>
        <p>
          To get there: check the{" "}
          <Link href={sectionHref(project.slug, "models")} className={linkClass}>
            Models
          </Link>{" "}
          and their{" "}
          <Link href={sectionHref(project.slug, "outputs")} className={linkClass}>
            Outputs
          </Link>
          , then run a pairwise study from{" "}
          <Link href={sectionHref(project.slug, "studies")} className={linkClass}>
            Studies
          </Link>
          .
        </p>
      </EmptyState>
    </>
  );
}
