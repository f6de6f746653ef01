import type { Metadata } from "next";
import { StudyResults } from "@/components/results/study-results";
import { StudyHeader } from "@/components/studies/study-header";
import { loadStudy } from "../load-study";

export const metadata: Metadata = { title: "Study results" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; studyId: string }> };

export default async function StudyResultsPage({ params }: Props) {
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
        current="results"
      />
      {study.kind === "pairwise" ? <StudyResults projectSlug={project.slug} studyId={study.id} /> : null}
    </>
  );
}
