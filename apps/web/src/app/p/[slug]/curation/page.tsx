import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { roleAtLeast } from "@/components/roles";
import { linkClass } from "@/components/styles";
import { gateSection } from "../_lib/section-gate";
import { sectionHref } from "../_lib/sections";

export const metadata: Metadata = { title: "Curation" };
export const dynamic = "force-dynamic";

export default async function CurationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, project } = await gateSection(slug, "curation");
  if (denied) return denied;
  return (
    <>
      <PageHeader
        title="Curation"
        description="Filtering large image, video or text corpora into training data, with a record of every decision."
      />
      <EmptyState title="No curation runs yet">
        <p>
          Curation runs appear here: their sources (folders, WebDataset shards, manifests), the stages applied
          in order (deduplication, resolution and aspect filters, text-in-image detection, aesthetic and
          CLIP-score thresholds), and the funnel — how many items each stage removed and why, with examples of
          what was dropped.
        </p>
        <p>
          Runs will be started with the <code>loupe curate</code> command on any machine that shares the
          project&rsquo;s database, split into shards that workers process and resume after an interruption.
          {roleAtLeast(project.role, "researcher") ? (
            <>
              {" "}
              Their progress shows in{" "}
              <Link href={sectionHref(project.slug, "jobs")} className={linkClass}>
                Jobs
              </Link>
              .
            </>
          ) : null}
        </p>
      </EmptyState>
    </>
  );
}
