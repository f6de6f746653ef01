"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { formatDateTime } from "../format";
import { linkClass } from "../styles";
import { MetricTable } from "./metric-table";
import { NewEvaluationForm } from "./new-evaluation-form";

/**
 * A study's automatic metrics beside its human results: the latest finished evaluation of the
 * study's outputs, each metric per model with how well it tracks the raters, a running
 * evaluation's progress, and the form to start one.
 */
export function StudyMetricsPanel({ projectSlug, studyId }: { projectSlug: string; studyId: string }) {
  const trpc = useTRPC();
  const runs = useQuery({
    ...trpc.evaluations.list.queryOptions({ projectSlug, scope: "study", scopeId: studyId }),
    refetchInterval: (q) =>
      q.state.data?.some((r) => r.status === "queued" || r.status === "running") ? 2000 : false,
  });
  const running = runs.data?.find((r) => r.status === "queued" || r.status === "running");
  const metrics = useQuery({
    ...trpc.evaluations.forStudy.queryOptions({ projectSlug, studyId }),
    refetchInterval: running ? 3000 : false,
  });
  // When a run finishes, read the metrics again (the poll above stops with the run).
  const latestDone = runs.data?.find((r) => r.status === "done")?.id;
  const refetchMetrics = metrics.refetch;
  useEffect(() => {
    if (latestDone) void refetchMetrics();
  }, [latestDone, refetchMetrics]);
  const href = (runId: string) => `/p/${encodeURIComponent(projectSlug)}/evaluations/${runId}`;
  return (
    <div className="space-y-4">
      <ErrorMessage>{metrics.error?.message ?? runs.error?.message}</ErrorMessage>
      {running ? (
        <p className="text-sm" role="status">
          An evaluation is running ({running.chunksDone} of {running.chunkCount} chunks) —{" "}
          <Link href={href(running.id)} className={linkClass}>
            follow it
          </Link>
          .
        </p>
      ) : null}
      {metrics.data ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            From the evaluation of {metrics.data.finishedAt ? formatDateTime(metrics.data.finishedAt) : "—"} (
            <Link href={href(metrics.data.runId)} className={linkClass}>
              details
            </Link>
            ). Agreement is measured against
            {metrics.data.axis ? ` “${metrics.data.axis.label}”` : " the first question"}: ρ and τ across
            models, and the share of decisive judgments where the metric prefers the rater&rsquo;s choice.
          </p>
          <MetricTable metrics={metrics.data.metrics} caption="Automatic metrics per model" />
        </>
      ) : metrics.isPending ? null : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No automatic metrics for this study yet.</p>
      )}
      <NewEvaluationForm
        projectSlug={projectSlug}
        fixedScope={{ scope: "study", scopeId: studyId }}
        onCreated={() => void runs.refetch()}
      />
    </div>
  );
}
