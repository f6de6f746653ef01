import "server-only";
import type { ReactNode } from "react";
import { StudyHeader } from "@/components/studies/study-header";
import { loadStudy } from "./load-study";

/**
 * A pairwise study's tab (monitor, results): the study's header with the tab marked current, and
 * the tab's body, which gets the project slug and the study id. Safety studies show the header only.
 */
export async function PairwiseStudyView({
  params,
  current,
  body,
}: {
  params: Promise<{ slug: string; studyId: string }>;
  current: "monitor" | "results";
  body: (projectSlug: string, studyId: string) => ReactNode;
}) {
  const { slug, studyId } = await params;
  const loaded = await loadStudy(slug, studyId);
  if (loaded.denied) return loaded.denied;
  const { project, study } = loaded;
  return (
    <>
      <StudyHeader
        projectSlug={project.slug}
        study={study}
        studiesHref={loaded.studiesHref}
        studyHref={loaded.studyHref}
        current={current}
      />
      {study.kind === "pairwise" ? body(project.slug, study.id) : null}
    </>
  );
}
