import type { Metadata } from "next";
import { AddModelForm } from "@/components/add-model-form";
import { ModelTable } from "@/components/model-table";
import { NeedsRole } from "@/components/needs-role";
import { PageHeader } from "@/components/page-header";
import { openSection } from "../_lib/project";
import { sectionHref } from "../_lib/sections";

export const metadata: Metadata = { title: "Models" };
export const dynamic = "force-dynamic";

export default async function ModelsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { project, section, allowed } = await openSection(slug, "models");
  if (!allowed) {
    return (
      <NeedsRole
        section={section.label}
        role={section.minRole}
        yourRole={project.role}
        overviewHref={sectionHref(slug, "overview")}
      />
    );
  }
  return (
    <>
      <PageHeader
        title="Models"
        description="The generators you evaluate. Each output in the project belongs to one model; studies compare them pairwise."
      />
      <div className="space-y-6">
        <ModelTable projectSlug={project.slug} />
        <AddModelForm projectSlug={project.slug} />
      </div>
    </>
  );
}
