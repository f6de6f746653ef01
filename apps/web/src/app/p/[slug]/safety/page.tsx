import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { roleAtLeast } from "@/components/roles";
import { linkClass } from "@/components/styles";
import { gateSection } from "../_lib/section-gate";
import { sectionHref } from "../_lib/sections";

export const metadata: Metadata = { title: "Safety" };
export const dynamic = "force-dynamic";

export default async function SafetyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, project } = await gateSection(slug, "safety");
  if (denied) return denied;
  return (
    <>
      <PageHeader
        title="Safety"
        description="Responsibility reviews: reviewers check outputs against a content policy, category by category."
      />
      <EmptyState title="No safety reviews yet">
        <p>
          Policy reviews and violation rates per model and category (with their intervals) appear here once a
          safety review study has decisions. Reviewers see each output with the policy&rsquo;s categories and
          record a decision and a reason; disagreements go to a second reviewer.
        </p>
        {roleAtLeast(project.role, "researcher") ? (
          <p>
            A safety review is a kind of study: it is set up from{" "}
            <Link href={sectionHref(project.slug, "studies")} className={linkClass}>
              Studies
            </Link>{" "}
            over the outputs in{" "}
            <Link href={sectionHref(project.slug, "outputs")} className={linkClass}>
              Outputs
            </Link>
            .
          </p>
        ) : (
          <p>
            A researcher in this project sets up safety reviews; the outputs to review then wait for you here.
          </p>
        )}
      </EmptyState>
    </>
  );
}
