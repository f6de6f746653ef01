import type { Metadata } from "next";
import { StudyMonitor } from "@/components/studies/study-monitor";
import { PairwiseStudyView } from "../pairwise-view";

export const metadata: Metadata = { title: "Study monitor" };
export const dynamic = "force-dynamic";

export default function StudyMonitorPage({ params }: { params: Promise<{ slug: string; studyId: string }> }) {
  return (
    <PairwiseStudyView
      params={params}
      current="monitor"
      body={(projectSlug, studyId) => <StudyMonitor projectSlug={projectSlug} studyId={studyId} />}
    />
  );
}
