"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc";
import { EmptyState } from "../empty-state";
import { ErrorMessage } from "../error-message";
import { formatDateTime } from "../format";
import { StatusBadge } from "../status-badge";
import { cardClass, linkClass, tableClass, tdClass, thClass } from "../styles";

const SCOPE_LABELS: Record<string, string> = {
  study: "study",
  "prompt-set": "prompt set",
  "generation-job": "generation job",
};

/** The project's evaluation runs with live progress (every two seconds while any runs). */
export function EvaluationRunList({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const runs = useQuery({
    ...trpc.evaluations.list.queryOptions({ projectSlug }),
    refetchInterval: (q) =>
      q.state.data?.some((r) => r.status === "queued" || r.status === "running") ? 2000 : 10_000,
  });
  if (runs.isPending) return <p className="text-sm text-zinc-500">Loading evaluations…</p>;
  if (runs.isError) return <ErrorMessage>{runs.error.message}</ErrorMessage>;
  if (runs.data.length === 0)
    return (
      <EmptyState title="No evaluations yet">
        <p>
          An evaluation computes automatic metrics — FID, KID, CLIP score, DINO, PSNR, SSIM, text area, … —
          over the outputs of a prompt set, a generation job or a study. Start one below, from a study&rsquo;s
          Results tab, or with <code>loupe evaluate</code>.
        </p>
      </EmptyState>
    );
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass}>
        <caption className="sr-only">Evaluation runs</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Metrics
            </th>
            <th scope="col" className={thClass}>
              Outputs of
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Progress
            </th>
            <th scope="col" className={thClass}>
              Started
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.data.map((r) => (
            <tr key={r.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                <Link
                  href={`/p/${encodeURIComponent(projectSlug)}/evaluations/${r.id}`}
                  className={linkClass}
                >
                  {r.metrics.join(", ")}
                </Link>
              </th>
              <td className={tdClass}>
                {SCOPE_LABELS[r.scope] ?? r.scope}, {r.total} outputs
              </td>
              <td className={tdClass}>
                <StatusBadge status={r.status} />
              </td>
              <td className={`${tdClass} text-right tabular-nums`}>
                {r.chunksDone} / {r.chunkCount} chunks
              </td>
              <td className={`${tdClass} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                {formatDateTime(r.createdAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
