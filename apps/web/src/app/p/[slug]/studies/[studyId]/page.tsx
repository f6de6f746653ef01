import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { formatPercent } from "@/components/format";
import { ConfigSummary } from "@/components/studies/config-summary";
import { GoldTasks } from "@/components/studies/gold-tasks";
import { InviteForm } from "@/components/studies/invite-form";
import { InviteList } from "@/components/studies/invite-list";
import { Markdown } from "@/components/markdown";
import { StudyHeader } from "@/components/studies/study-header";
import { cardClass } from "@/components/styles";
import { loadStudy } from "./load-study";

export const metadata: Metadata = { title: "Study" };
export const dynamic = "force-dynamic";

const sectionTitle = "mb-3 text-lg font-semibold";

type Props = { params: Promise<{ slug: string; studyId: string }> };

export default async function StudyPage({ params }: Props) {
  const { slug, studyId } = await params;
  const loaded = await loadStudy(slug, studyId);
  if (loaded.denied) return loaded.denied;
  const { caller, project, study } = loaded;
  const header = (
    <StudyHeader
      projectSlug={project.slug}
      study={study}
      studiesHref={loaded.studiesHref}
      studyHref={loaded.studyHref}
      current="study"
    />
  );
  const { config } = study;
  // Safety reviews have their own section, with their report.
  if (config.kind !== "pairwise") redirect(`/p/${project.slug}/safety/${encodeURIComponent(study.id)}`);
  const templates = await caller.studies.templates({ projectSlug: project.slug });
  const templateName = templates.find((t) => t.id === config.template)?.name ?? config.template;

  return (
    <>
      {header}
      <div className="space-y-8">
        <section aria-labelledby="design-title">
          <h2 id="design-title" className={sectionTitle}>
            Design
          </h2>
          <div className={`${cardClass} space-y-4 p-5`}>
            <ConfigSummary
              config={config}
              templateName={templateName}
              models={study.models}
              promptSets={study.promptSets}
            />
            {config.instructions.trim() ? (
              <details>
                <summary className="cursor-pointer text-sm font-medium">Instructions raters see</summary>
                <div className="mt-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
                  <Markdown>{config.instructions}</Markdown>
                </div>
              </details>
            ) : null}
          </div>
        </section>

        <section aria-labelledby="invites-title">
          <h2 id="invites-title" className={sectionTitle}>
            Invite links
          </h2>
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
            External raters join through a link, without an account. Add your platform&apos;s worker-id
            parameter (e.g. Prolific&apos;s PROLIFIC_PID) so the same person returning is the same rater; the
            completion code is shown when they finish.
          </p>
          <div className={`${cardClass} mb-4 p-5`}>
            <InviteForm projectSlug={project.slug} studyId={study.id} />
          </div>
          <InviteList projectSlug={project.slug} studyId={study.id} />
        </section>

        <section aria-labelledby="gold-title">
          <h2 id="gold-title" className={sectionTitle}>
            Gold items
          </h2>
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
            A gold item has expected answers; raters get gold items at the study&apos;s gold ratio (
            {formatPercent(config.goldRatio)}), unmarked, and their gold accuracy shows in the monitor.
          </p>
          <GoldTasks projectSlug={project.slug} studyId={study.id} axes={config.axes} />
        </section>
      </div>
    </>
  );
}
