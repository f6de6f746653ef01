import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { safetyHrefs } from "@/components/safety/hrefs";
import { NewSafetyReviewForm } from "@/components/safety/new-safety-review-form";
import { linkClass } from "@/components/styles";
import { gateSafetyResearcher } from "../_lib/gate";

export const metadata: Metadata = { title: "New safety review" };
export const dynamic = "force-dynamic";

export default async function NewSafetyReviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, caller, project } = await gateSafetyResearcher(slug);
  if (denied) return denied;
  const input = { projectSlug: project.slug };
  const [policy, models, promptSets, candidates, runs] = await Promise.all([
    caller.safety.policy(input),
    caller.models.list(input),
    caller.promptSets.list(input),
    caller.safety.reviewerCandidates(input),
    caller.evaluations.list(input),
  ]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={safetyHrefs(project.slug).section} className={linkClass}>
          ← Safety
        </Link>
      </p>
      <PageHeader
        title="New safety review"
        description="Reviewers check every output of the chosen models on the chosen prompt sets against the content policy. Items on which reviewers disagree, or that reach the escalation severity, go to a senior reviewer."
      />
      <NewSafetyReviewForm
        projectSlug={project.slug}
        policy={policy}
        models={models}
        promptSets={promptSets}
        candidates={candidates}
        runs={runs}
      />
    </>
  );
}
