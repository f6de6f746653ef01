import Link from "next/link";
import { CountCard } from "@/components/count-card";
import { curationAuditHref } from "@/components/curation/hrefs";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { roleAtLeast } from "@/components/roles";
import { buttonClass, cardClass } from "@/components/styles";
import { loadProject } from "./_lib/project";
import { sectionHref } from "./_lib/sections";

export const dynamic = "force-dynamic";

export default async function ProjectOverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { caller, project } = await loadProject(slug);
  const input = { projectSlug: project.slug };
  const isResearcher = roleAtLeast(project.role, "researcher");
  const isCurator = roleAtLeast(project.role, "curator");

  const [models, promptSets, studies, toRate, toAudit] = await Promise.all([
    isResearcher ? caller.models.list(input) : null,
    isCurator ? caller.promptSets.list(input) : null,
    isResearcher ? caller.studies.list(input) : null,
    caller.rating.myStudies(input),
    caller.curationAudits.mine(input),
  ]);

  const cards = [
    models && {
      label: "Models",
      count: models.length,
      href: sectionHref(slug, "models"),
      hint: "Generators whose outputs you compare",
    },
    promptSets && {
      label: "Prompt sets",
      count: promptSets.length,
      href: sectionHref(slug, "prompt-sets"),
      hint: `${promptSets.reduce((n, s) => n + s.promptCount, 0).toLocaleString("en-US")} prompts in all`,
    },
    models && {
      label: "Outputs",
      count: models.reduce((n, m) => n + m.outputCount, 0),
      href: sectionHref(slug, "outputs"),
      hint: "Images, videos and audio the models produced",
    },
    studies && {
      label: "Studies",
      count: studies.length,
      href: sectionHref(slug, "studies"),
      hint: "Pairwise comparisons and safety reviews",
    },
  ].filter((c) => !!c);

  return (
    <>
      <PageHeader
        title={project.name}
        description={
          <>
            {project.description || "No description."}
            <span className="mt-2 block text-xs">
              Your role: <span className="font-semibold">{project.role}</span>
            </span>
          </>
        }
      />
      {toRate.length > 0 ? (
        <section aria-labelledby="rate-title" className={`${cardClass} mb-6 p-5`}>
          <h2 id="rate-title" className="font-semibold">
            Rate
          </h2>
          <ul className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
            {toRate.map((s) => (
              <li key={s.studyId} className="flex items-center justify-between gap-4 py-2 text-sm">
                <span>
                  {s.label}
                  <span className="ml-2 text-zinc-500">
                    {s.progress.done} of {s.progress.total} judged
                  </span>
                </span>
                <Link href={`/rate/${s.studyId}`} className={buttonClass}>
                  {s.progress.done > 0 ? "Continue rating" : "Start rating"}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {toAudit.length > 0 ? (
        <section aria-labelledby="audit-title" className={`${cardClass} mb-6 p-5`}>
          <h2 id="audit-title" className="font-semibold">
            Audit curation filters
          </h2>
          <ul className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
            {toAudit.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-4 py-2 text-sm">
                <span>
                  {a.runName}
                  <span className="ml-2 text-zinc-500">
                    {a.left} of {a.items} items waiting for your answer
                  </span>
                </span>
                <Link href={curationAuditHref(project.slug, a.id)} className={buttonClass}>
                  {a.answered > 0 ? "Continue" : "Start"}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {cards.length > 0 ? (
        <ul aria-label="Project contents" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          {cards.map((c) => (
            <CountCard key={c.label} {...c} />
          ))}
        </ul>
      ) : (
        <EmptyState title="Nothing to judge yet">
          <p>
            As a {project.role}, your work in this project is judging pairs of outputs side by side
            {project.role === "reviewer"
              ? " and reviewing outputs against the content policy (see Safety)"
              : ""}
            . Studies to rate appear here when a researcher starts one.
          </p>
        </EmptyState>
      )}
    </>
  );
}
