import type { Metadata } from "next";
import { StudyHeader } from "@/components/studies/study-header";
import { StudyMonitor } from "@/components/studies/study-monitor";
import { loadStudy } from "../load-study";

export const metadata: Metadata = { title: "Study monitor" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; studyId: string }> };

export default async function StudyMonitorPage({ params }: Props) {
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
        current="monitor"
      />
      {study.kind === "pairwise" ? <StudyMonitor projectSlug={project.slug} studyId={study.id} /> : null}
    </>
  );
}
