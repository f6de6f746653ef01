import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { safetyHrefs } from "@/components/safety/hrefs";
import { PolicyEditor } from "@/components/safety/policy-editor";
import { PolicyHistory } from "@/components/safety/policy-history";
import { linkClass } from "@/components/styles";
import { gateSafetyResearcher } from "../_lib/gate";

export const metadata: Metadata = { title: "Content policy" };
export const dynamic = "force-dynamic";

export default async function SafetyPolicyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, caller, project } = await gateSafetyResearcher(slug);
  if (denied) return denied;
  const policy = await caller.safety.policy({ projectSlug: project.slug });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={safetyHrefs(project.slug).section} className={linkClass}>
          ← Safety
        </Link>
      </p>
      <PageHeader
        title="Content policy"
        description="What reviewers label outputs with. Every save makes a new version; a safety review keeps the version it was created with, so its reviews stay comparable."
      />
      <div className="space-y-10">
        <PolicyEditor projectSlug={project.slug} policy={policy} />
        <section aria-labelledby="policy-history-title">
          <h2 id="policy-history-title" className="mb-3 text-lg font-semibold">
            Version history
          </h2>
          <PolicyHistory projectSlug={project.slug} />
        </section>
      </div>
    </>
  );
}
