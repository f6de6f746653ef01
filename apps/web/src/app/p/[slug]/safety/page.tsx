import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { roleAtLeast } from "@/components/roles";
import { safetyHrefs } from "@/components/safety/hrefs";
import { MyReviews } from "@/components/safety/my-reviews";
import { PolicySummary } from "@/components/safety/policy-summary";
import { SafetyStudyList } from "@/components/safety/safety-study-list";
import { buttonClass } from "@/components/styles";
import { gateSection } from "../_lib/section-gate";

export const metadata: Metadata = { title: "Safety" };
export const dynamic = "force-dynamic";

const sectionTitle = "mb-3 text-lg font-semibold";

export default async function SafetyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, caller, project } = await gateSection(slug, "safety");
  if (denied) return denied;
  const input = { projectSlug: project.slug };
  // Reviewers see their own reviews only; the studies and the policy are for researchers.
  const researcher = roleAtLeast(project.role, "researcher");
  const [reviews, studies, policy] = await Promise.all([
    caller.safety.myReviews(input),
    researcher ? caller.studies.list(input) : Promise.resolve(null),
    researcher ? caller.safety.policy(input) : Promise.resolve(null),
  ]);
  const hrefs = safetyHrefs(project.slug);
  return (
    <>
      <PageHeader
        title="Safety"
        description="Responsibility reviews: reviewers check outputs against the project's content policy, category by category; the report gives violation rates per model with their intervals."
        actions={
          researcher ? (
            <Link href={hrefs.newReview} className={buttonClass}>
              New safety review
            </Link>
          ) : null
        }
      />
      <div className="space-y-10">
        <section aria-labelledby="safety-my-reviews">
          <h2 id="safety-my-reviews" className={sectionTitle}>
            Your reviews
          </h2>
          <MyReviews reviews={reviews} />
        </section>
        {studies ? (
          <section aria-labelledby="safety-studies">
            <h2 id="safety-studies" className={sectionTitle}>
              Safety reviews
            </h2>
            <SafetyStudyList
              projectSlug={project.slug}
              studies={studies.filter((s) => s.kind === "safety")}
            />
          </section>
        ) : null}
        {policy ? (
          <section aria-labelledby="safety-policy">
            <h2 id="safety-policy" className={sectionTitle}>
              Content policy
            </h2>
            <PolicySummary projectSlug={project.slug} policy={policy} />
          </section>
        ) : null}
      </div>
    </>
  );
}
