"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { StudyMetricsPanel } from "../evaluations/study-metrics-panel";
import { secondaryButtonClass } from "../styles";
import { PlannerPanel } from "./planner-panel";
import { ResultsView } from "./results-view";
import { ShareLinks } from "./share-links";

/** Results are recomputed by a worker a few seconds after judgments arrive; poll faster meanwhile. */
const POLL_WHILE_UPDATING_MS = 3000;
const POLL_WHEN_CURRENT_MS = 15000;

const sectionTitle = "mb-2 text-base font-semibold";

/** A study's results page for its researchers: the results, the planner and share links. */
export function StudyResults({ projectSlug, studyId }: { projectSlug: string; studyId: string }) {
  const trpc = useTRPC();
  const read = useQuery(
    trpc.results.get.queryOptions(
      { projectSlug, studyId },
      {
        refetchInterval: (q) =>
          q.state.data?.status === "current" ? POLL_WHEN_CURRENT_MS : POLL_WHILE_UPDATING_MS,
      },
    ),
  );
  const recompute = useMutation(trpc.results.refresh.mutationOptions());
  if (read.isPending) return <p className="text-sm text-zinc-500">Loading the results…</p>;
  if (read.isError) return <ErrorMessage>{read.error.message}</ErrorMessage>;
  return (
    <div className="space-y-10">
      <div className="flex justify-end">
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={recompute.isPending}
          onClick={() => recompute.mutate({ projectSlug, studyId })}
        >
          Recompute now
        </button>
      </div>
      <ErrorMessage>{recompute.error?.message}</ErrorMessage>
      <ResultsView
        read={read.data}
        showRaters
        fileStem={`study-${studyId.slice(0, 8)}`}
        forAxis={(axisId) => (
          <section aria-labelledby="results-planner">
            <h2 id="results-planner" className={sectionTitle}>
              How many more judgments?
            </h2>
            <PlannerPanel projectSlug={projectSlug} studyId={studyId} axisId={axisId} />
          </section>
        )}
      />
      <section aria-labelledby="results-metrics">
        <h2 id="results-metrics" className={sectionTitle}>
          Automatic metrics
        </h2>
        <StudyMetricsPanel projectSlug={projectSlug} studyId={studyId} />
      </section>
      <section aria-labelledby="results-share">
        <h2 id="results-share" className={sectionTitle}>
          Share
        </h2>
        <ShareLinks projectSlug={projectSlug} studyId={studyId} />
      </section>
    </div>
  );
}
