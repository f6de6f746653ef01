"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { EmptyState } from "./empty-state";
import { ErrorMessage } from "./error-message";
import { formatDateTime } from "./format";
import { JobProgress } from "./job-progress";
import { StatusBadge } from "./status-badge";
import { cardClass, tableClass, tdClass, thClass } from "./styles";

const ACTIVE = new Set(["queued", "running"]);

/** The project's recent background jobs; refreshes every 2 s while any is queued or running. */
export function JobTable({ projectSlug, titles }: { projectSlug: string; titles: Record<string, string> }) {
  const trpc = useTRPC();
  const jobs = useQuery(
    trpc.jobs.list.queryOptions(
      { projectSlug, take: 50 },
      { refetchInterval: (q) => (q.state.data?.some((j) => ACTIVE.has(j.status)) ? 2000 : false) },
    ),
  );

  if (jobs.isPending) return <p className="text-sm text-zinc-500">Loading jobs…</p>;
  if (jobs.isError) return <ErrorMessage>{jobs.error.message}</ErrorMessage>;
  if (jobs.data.length === 0) {
    return (
      <EmptyState title="No jobs yet">
        <p>
          Background work — media checks, generation, metrics, curation shards, exports — shows here with its
          progress, attempts and errors. Workers on any machine that shares this database pick jobs up. Start
          one with the button above.
        </p>
      </EmptyState>
    );
  }
  const polling = jobs.data.some((j) => ACTIVE.has(j.status));
  return (
    <div className="space-y-2">
      <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
        {polling ? "Refreshing every 2 seconds while jobs are queued or running." : "All jobs have finished."}
      </p>
      <div className={`${cardClass} overflow-x-auto`}>
        <table className={tableClass}>
          <caption className="sr-only">Jobs</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>
                Task
              </th>
              <th scope="col" className={thClass}>
                Status
              </th>
              <th scope="col" className={thClass}>
                Progress
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Attempts
              </th>
              <th scope="col" className={thClass}>
                Last error
              </th>
              <th scope="col" className={thClass}>
                Created
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.map((j) => {
              const title = titles[j.task] ?? j.task;
              return (
                <tr key={j.id} data-job-task={j.task} data-job-status={j.status}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {title}
                    {j.message ? (
                      <p className="text-xs font-normal text-zinc-500 dark:text-zinc-400">{j.message}</p>
                    ) : null}
                  </th>
                  <td className={tdClass}>
                    <StatusBadge status={j.status} />
                  </td>
                  <td className={tdClass}>
                    <JobProgress done={j.progressDone} total={j.progressTotal} label={`${title} progress`} />
                  </td>
                  <td className={`${tdClass} text-right tabular-nums`}>{j.attempts}</td>
                  <td className={`${tdClass} max-w-xs text-xs break-words text-red-700 dark:text-red-300`}>
                    {j.lastError ?? <span className="text-zinc-400">—</span>}
                  </td>
                  <td className={`${tdClass} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                    {formatDateTime(j.createdAt)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
