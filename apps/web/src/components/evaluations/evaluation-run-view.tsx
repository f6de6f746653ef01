"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { StatusBadge } from "../status-badge";
import { cardClass, secondaryButtonClass, tableClass, tdClass, thClass } from "../styles";
import { MetricTable } from "./metric-table";

/**
 * One evaluation run: progress while it runs; then each metric per model, the metrics that were
 * skipped and why, and the outputs that could not be scored with their reasons.
 */
export function EvaluationRunView({ projectSlug, runId }: { projectSlug: string; runId: string }) {
  const trpc = useTRPC();
  const run = useQuery({
    ...trpc.evaluations.get.queryOptions({ projectSlug, runId }),
    refetchInterval: (q) =>
      q.state.data?.status === "queued" || q.state.data?.status === "running" ? 1500 : false,
  });
  const cancel = useMutation(trpc.evaluations.cancel.mutationOptions({ onSuccess: () => run.refetch() }));
  const resume = useMutation(trpc.evaluations.resume.mutationOptions({ onSuccess: () => run.refetch() }));
  if (run.isPending) return <p className="text-sm text-zinc-500">Loading the evaluation…</p>;
  if (run.isError) return <ErrorMessage>{run.error.message}</ErrorMessage>;
  const r = run.data;
  const active = r.status === "queued" || r.status === "running";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <StatusBadge status={r.status} />
        <span className="tabular-nums" aria-label="Progress">
          {r.chunksDone} of {r.chunkCount} chunks · {r.total} outputs
        </span>
        {active ? (
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => cancel.mutate({ projectSlug, runId })}
          >
            Cancel
          </button>
        ) : null}
        {r.status === "cancelled" || r.status === "failed" ? (
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => resume.mutate({ projectSlug, runId })}
          >
            Resume
          </button>
        ) : null}
      </div>
      <ErrorMessage>{r.error ?? cancel.error?.message ?? resume.error?.message}</ErrorMessage>
      {r.summary?.skipped.length ? (
        <ul className="space-y-1 text-sm text-amber-800 dark:text-amber-300" aria-label="Skipped metrics">
          {r.summary.skipped.map((s) => (
            <li key={s.key}>
              <strong>{s.key}</strong> skipped: {s.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {r.status === "done" && r.summary ? (
        <>
          <MetricTable metrics={r.summary.metrics} caption="Metrics per model" />
          <ul className="space-y-1 text-xs text-zinc-500">
            {r.summary.metrics
              .filter((m) => m.notes.length)
              .map((m) => (
                <li key={m.key}>
                  {m.label}: {m.notes.join("; ")}
                </li>
              ))}
          </ul>
        </>
      ) : null}
      {r.failures.length ? (
        <div className={`${cardClass} overflow-x-auto`}>
          <table className={tableClass}>
            <caption className="px-3 py-2 text-left text-sm font-semibold">
              Outputs without a value
              {r.failureCount > r.failures.length
                ? ` (the first ${r.failures.length} of ${r.failureCount})`
                : ` (${r.failureCount})`}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>
                  Metric
                </th>
                <th scope="col" className={thClass}>
                  Model
                </th>
                <th scope="col" className={thClass}>
                  Prompt
                </th>
                <th scope="col" className={thClass}>
                  Reason
                </th>
              </tr>
            </thead>
            <tbody>
              {r.failures.map((f) => (
                <tr key={`${f.metric}:${f.outputId}`}>
                  <td className={tdClass}>{f.metric}</td>
                  <td className={`${tdClass} font-mono`}>{f.model}</td>
                  <td className={tdClass}>{f.prompt}</td>
                  <td className={tdClass}>{f.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
