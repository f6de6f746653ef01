"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc";
import { EmptyState } from "../empty-state";
import { ErrorMessage } from "../error-message";
import { formatDateTime } from "../format";
import { StatusBadge } from "../status-badge";
import { cardClass, linkClass, tableClass, tdClass, thClass } from "../styles";
import { GenerationProgress } from "./generation-progress";

/** The project's generation jobs with live progress (refreshed every two seconds while any runs). */
export function GenerationJobList({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const jobs = useQuery({
    ...trpc.generation.list.queryOptions({ projectSlug }),
    refetchInterval: (q) =>
      q.state.data?.some((j) => j.status === "queued" || j.status === "running") ? 2000 : 10_000,
  });
  if (jobs.isPending) return <p className="text-sm text-zinc-500">Loading generation jobs…</p>;
  if (jobs.isError) return <ErrorMessage>{jobs.error.message}</ErrorMessage>;
  if (jobs.data.length === 0)
    return (
      <EmptyState title="No generation jobs yet">
        <p>
          A generation job runs a model on a prompt set for some seeds, through the model&rsquo;s adapter (an
          inference server, your own script, a local ONNX file, or files that already exist). Set a
          model&rsquo;s adapter on the Models page, then start a job below or with <code>loupe generate</code>
          .
        </p>
      </EmptyState>
    );
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass}>
        <caption className="sr-only">Generation jobs</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Model
            </th>
            <th scope="col" className={thClass}>
              Prompt set
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Seeds
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
            <th scope="col" className={thClass}>
              Progress
            </th>
            <th scope="col" className={thClass}>
              Started
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.data.map((j) => (
            <tr key={j.id}>
              <th scope="row" className={`${tdClass} font-mono font-medium whitespace-nowrap`}>
                <Link href={`/p/${encodeURIComponent(projectSlug)}/generation/${j.id}`} className={linkClass}>
                  {j.model}
                </Link>
              </th>
              <td className={tdClass}>{j.promptSet}</td>
              <td className={`${tdClass} text-right tabular-nums`}>{j.seeds}</td>
              <td className={tdClass}>
                <StatusBadge status={j.status} />
              </td>
              <td className={tdClass}>
                <GenerationProgress
                  progress={j.progress}
                  label={`Progress of ${j.model} on ${j.promptSet}`}
                />
              </td>
              <td className={`${tdClass} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                {formatDateTime(j.createdAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
