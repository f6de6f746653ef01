import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { StudyWizard } from "@/components/studies/study-wizard";
import { draftFromConfig } from "@/components/studies/wizard-draft";
import { linkClass } from "@/components/styles";
import { loadStudy } from "../load-study";

export const metadata: Metadata = { title: "Edit study" };
export const dynamic = "force-dynamic";

/** A draft's design back in the wizard; once launched, only the name and instructions change. */
export default async function EditStudyPage({
  params,
}: {
  params: Promise<{ slug: string; studyId: string }>;
}) {
  const { slug, studyId } = await params;
  const loaded = await loadStudy(slug, studyId);
  if (loaded.denied) return loaded.denied;
  const { caller, project, study, studyHref, studiesHref } = loaded;
  const back = (
    <p className="mb-2 text-sm">
      <Link href={studyHref} className={linkClass}>
        ← {study.name}
      </Link>
    </p>
  );
  const { config } = study;
  if (config.kind !== "pairwise" || study.status !== "draft")
    return (
      <>
        {back}
        <EmptyState title="Only a draft's design can be edited">
          <p>
            This study has been launched: its tasks and judgments were made under its design, so only its name
            and instructions can still change.
          </p>
        </EmptyState>
      </>
    );
  const input = { projectSlug: project.slug };
  const [templates, models, promptSets] = await Promise.all([
    caller.studies.templates(input),
    caller.models.list(input),
    caller.promptSets.list(input),
  ]);
  const template = templates.find((t) => t.id === config.template) ?? templates[0]!;
  return (
    <>
      {back}
      <PageHeader
        title="Edit draft study"
        description="Change the design; nothing reaches raters until it is launched."
      />
      <StudyWizard
        projectSlug={project.slug}
        templates={templates}
        models={models}
        promptSets={promptSets}
        studiesHref={studiesHref}
        initialDraft={draftFromConfig(study.name, config, template)}
        draftId={study.id}
      />
    </>
  );
}
