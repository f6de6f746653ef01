import type { Metadata } from "next";
import { StudyResults } from "@/components/results/study-results";
import { PairwiseStudyView } from "../pairwise-view";

export const metadata: Metadata = { title: "Study results" };
export const dynamic = "force-dynamic";

export default function StudyResultsPage({ params }: { params: Promise<{ slug: string; studyId: string }> }) {
  return (
    <PairwiseStudyView
      params={params}
      current="results"
      body={(projectSlug, studyId) => <StudyResults projectSlug={projectSlug} studyId={studyId} />}
    />
  );
}
