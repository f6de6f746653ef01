import "server-only";
import { orNotFound } from "../../_lib/or-not-found";
import { gateSection } from "../../_lib/section-gate";
import { sectionHref } from "../../_lib/sections";

/** The study page and its monitor open the same way: section gate, the study, and their links. */
export async function loadStudy(slug: string, studyId: string) {
  const gate = await gateSection(slug, "studies");
  if (gate.denied) return { denied: gate.denied } as const;
  const { caller, project } = gate;
  const study = await orNotFound(caller.studies.get({ projectSlug: project.slug, studyId }));
  const studiesHref = sectionHref(project.slug, "studies");
  return {
    denied: null,
    caller,
    project,
    study,
    studiesHref,
    studyHref: `${studiesHref}/${encodeURIComponent(study.id)}`,
  } as const;
}
