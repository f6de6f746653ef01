import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { StudyWizard } from "@/components/studies/study-wizard";
import { linkClass } from "@/components/styles";
import { gateSection } from "../../_lib/section-gate";
import { sectionHref } from "../../_lib/sections";

export const metadata: Metadata = { title: "New study" };
export const dynamic = "force-dynamic";

export default async function NewStudyPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ fromJob?: string }>;
}) {
  const { slug } = await params;
  const { fromJob } = await searchParams;
  const { denied, caller, project } = await gateSection(slug, "studies");
  if (denied) return denied;
  const input = { projectSlug: project.slug };
  const [templates, models, promptSets] = await Promise.all([
    caller.studies.templates(input),
    caller.models.list(input),
    caller.promptSets.list(input),
  ]);
  const studiesHref = sectionHref(project.slug, "studies");
  // "Compare in a pairwise study" from a generation job: its model and prompt set are chosen
  // already; the researcher adds the models to compare it with.
  const job = fromJob ? await caller.generation.get({ ...input, jobId: fromJob }).catch(() => null) : null;
  const preset = job
    ? {
        name: `${job.model.name} on ${job.promptSet.name}`,
        modelIds: [job.model.id],
        promptSetIds: [job.promptSet.id],
      }
    : undefined;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={studiesHref} className={linkClass}>
          ← All studies
        </Link>
      </p>
      <PageHeader
        title="New pairwise study"
        description="Raters see two outputs for the same prompt, blinded and randomly placed, and answer each question. Nothing is shown to raters until the study is launched."
      />
      <StudyWizard
        projectSlug={project.slug}
        templates={templates}
        models={models}
        promptSets={promptSets}
        studiesHref={studiesHref}
        preset={preset}
      />
    </>
  );
}
