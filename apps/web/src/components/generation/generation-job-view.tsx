"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { formatCount, formatDateTime } from "../format";
import { StatusBadge } from "../status-badge";
import {
  buttonClass,
  cardClass,
  linkClass,
  secondaryButtonClass,
  tableClass,
  tdClass,
  thClass,
} from "../styles";
import { GenerationProgress } from "./generation-progress";
import { refreshQueries } from "@/lib/refresh-queries";

/** One generation job, live: progress, chunks, failures with the adapter's error, cancel and resume. */
export function GenerationJobView({ projectSlug, jobId }: { projectSlug: string; jobId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { projectSlug, jobId };
  const job = useQuery({
    ...trpc.generation.get.queryOptions(input),
    refetchInterval: (q) =>
      q.state.data?.status === "queued" || q.state.data?.status === "running" ? 1500 : false,
  });
  const refresh = () =>
    Promise.all([
      refreshQueries(queryClient, { queryKey: trpc.generation.get.queryKey(input) }),
      refreshQueries(queryClient, { queryKey: trpc.generation.list.queryKey({ projectSlug }) }),
    ]);
  const cancel = useMutation(trpc.generation.cancel.mutationOptions({ onSuccess: refresh }));
  const resume = useMutation(trpc.generation.resume.mutationOptions({ onSuccess: refresh }));

  if (job.isPending) return <p className="text-sm text-zinc-500">Loading the job…</p>;
  if (job.isError) return <ErrorMessage>{job.error.message}</ErrorMessage>;
  const j = job.data;
  const live = j.status === "queued" || j.status === "running";
  const slug = encodeURIComponent(projectSlug);
  return (
    <div className="space-y-6">
      <section aria-labelledby="job-summary-title" className={`${cardClass} space-y-4 p-5`}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="job-summary-title" className="flex items-center gap-2 font-semibold">
            <span className="font-mono">{j.model.name}</span> on {j.promptSet.name}{" "}
            <StatusBadge status={j.status} />
          </h2>
          <div className="flex gap-2">
            {live ? (
              <button
                type="button"
                onClick={() => cancel.mutate(input)}
                disabled={cancel.isPending}
                className={secondaryButtonClass}
              >
                Cancel
              </button>
            ) : (
              <button
                type="button"
                onClick={() => resume.mutate(input)}
                disabled={resume.isPending}
                className={secondaryButtonClass}
              >
                {j.progress.done + j.progress.failed < j.progress.total || j.progress.failed > 0
                  ? "Resume (fill what is missing)"
                  : "Run again"}
              </button>
            )}
            {j.status === "done" && j.progress.done > 0 ? (
              <Link
                href={`/p/${slug}/studies/new?fromJob=${encodeURIComponent(j.id)}`}
                className={buttonClass}
              >
                Compare in a pairwise study
              </Link>
            ) : null}
          </div>
        </div>
        <GenerationProgress
          progress={j.progress}
          label={`Progress of ${j.model.name} on ${j.promptSet.name}`}
        />
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4">
          <div>
            <dt className="text-zinc-500">Adapter</dt>
            <dd>{j.model.adapter ?? "none"}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">Seeds</dt>
            <dd className="font-mono">
              {j.seeds.length <= 8 ? j.seeds.join(", ") : `${j.seeds.length} seeds`}
            </dd>
          </div>
          <div>
            <dt className="text-zinc-500">Parameters</dt>
            <dd className="font-mono break-all">{JSON.stringify(j.params)}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">Chunks</dt>
            <dd className="tabular-nums">
              {formatCount(j.chunks.done ?? 0)} done, {formatCount(j.chunks.running ?? 0)} running,{" "}
              {formatCount(j.chunks.pending ?? 0)} waiting ({j.chunkSize} items each)
            </dd>
          </div>
          <div>
            <dt className="text-zinc-500">Created</dt>
            <dd>{formatDateTime(j.createdAt)}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">Finished</dt>
            <dd>{formatDateTime(j.finishedAt)}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">Outputs</dt>
            <dd>
              <Link href={`/p/${slug}/outputs?model=${encodeURIComponent(j.model.id)}`} className={linkClass}>
                Browse {j.model.name}&rsquo;s outputs
              </Link>
            </dd>
          </div>
        </dl>
        {live && j.progress.done + j.progress.failed === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Waiting for a worker. Workers run beside <code>loupe start</code>, or on any machine with{" "}
            <code>loupe worker</code> and the same database.
          </p>
        ) : null}
        <ErrorMessage>{cancel.error?.message ?? resume.error?.message}</ErrorMessage>
      </section>

      <section aria-labelledby="failures-title" className="space-y-3">
        <h2 id="failures-title" className="text-lg font-semibold">
          Failures ({formatCount(j.progress.failed)})
        </h2>
        {j.failures.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No item has failed.</p>
        ) : (
          <div className={`${cardClass} overflow-x-auto`}>
            <table className={tableClass}>
              <caption className="sr-only">Items that failed, with the adapter&rsquo;s error</caption>
              <thead>
                <tr>
                  <th scope="col" className={thClass}>
                    Prompt
                  </th>
                  <th scope="col" className={`${thClass} text-right`}>
                    Seed
                  </th>
                  <th scope="col" className={thClass}>
                    Error
                  </th>
                  <th scope="col" className={`${thClass} text-right`}>
                    Attempts
                  </th>
                  <th scope="col" className={thClass}>
                    Worker
                  </th>
                </tr>
              </thead>
              <tbody>
                {j.failures.map((f) => (
                  <tr key={`${f.promptId}|${f.seed}`}>
                    <th scope="row" className={`${tdClass} max-w-64 font-normal`}>
                      <span className="font-mono text-xs text-zinc-500">{f.promptId}</span> {f.prompt}
                    </th>
                    <td className={`${tdClass} text-right font-mono`}>{f.seed}</td>
                    <td className={`${tdClass} break-words text-red-800 dark:text-red-300`}>{f.error}</td>
                    <td className={`${tdClass} text-right tabular-nums`}>{f.attempts}</td>
                    <td className={`${tdClass} whitespace-nowrap`}>{f.workerHost}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
