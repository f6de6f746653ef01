"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { formatCount, formatDateTime } from "../format";
import { StatusBadge } from "../status-badge";
import { cardClass, dangerButtonClass, linkClass, tableClass, tdClass, thClass } from "../styles";
import { refreshQueries } from "@/lib/refresh-queries";

const megabytes = (bytes: number | null) => (bytes === null ? "–" : `${(bytes / 1e6).toFixed(1)} MB`);

/**
 * Every export version of the project, newest first: its layout, rows, size and state, a download
 * of the whole archive once built, and delete. Follows builds in progress.
 */
export function ExportList({ projectSlug, studiesHref }: { projectSlug: string; studiesHref: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const exports = useQuery({
    ...trpc.datasets.list.queryOptions({ projectSlug }),
    refetchInterval: (q) => (q.state.data?.some((e) => e.status === "building") ? 1500 : false),
  });
  const remove = useMutation(
    trpc.datasets.delete.mutationOptions({
      onSuccess: () => refreshQueries(queryClient, { queryKey: trpc.datasets.list.queryKey() }),
    }),
  );
  if (exports.isPending) return <p className="text-sm text-zinc-500">Loading exports…</p>;
  if (exports.isError) return <ErrorMessage>{exports.error.message}</ErrorMessage>;
  if (exports.data.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="no-exports">
        No exports yet. An export is made from the judgments of pairwise studies in{" "}
        <Link href={studiesHref} className={linkClass}>
          Studies
        </Link>
        ; each is an immutable version with a manifest of checksums and a dataset card.
      </p>
    );
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <ErrorMessage>{remove.error?.message}</ErrorMessage>
      <table className={tableClass} aria-label="Dataset exports">
        <thead>
          <tr>
            {["Dataset", "Layout", "State", "Rows", "Size", "Created", ""].map((h) => (
              <th key={h} scope="col" className={thClass}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {exports.data.map((e) => (
            <tr key={e.id}>
              <td className={`${tdClass} font-medium`}>
                {e.name} <span className="text-xs text-zinc-500">v{e.version}</span>
              </td>
              <td className={tdClass}>{e.format}</td>
              <td className={tdClass}>
                <StatusBadge status={e.status} />
                {e.status === "building" && e.judgmentsTotal ? (
                  <div className="text-xs text-zinc-500 tabular-nums" data-testid="export-progress">
                    {formatCount(e.judgmentsRead)} of {formatCount(e.judgmentsTotal)} judgments read
                  </div>
                ) : null}
                {e.error ? <div className="text-xs text-red-700 dark:text-red-300">{e.error}</div> : null}
                {e.complete === false ? (
                  <div className="text-xs text-zinc-500">snapshot of a study still running</div>
                ) : null}
              </td>
              <td className={`${tdClass} tabular-nums`}>{e.rows === null ? "–" : formatCount(e.rows)}</td>
              <td className={`${tdClass} tabular-nums`}>{megabytes(e.bytes)}</td>
              <td className={tdClass}>{formatDateTime(e.createdAt)}</td>
              <td className={`${tdClass} whitespace-nowrap`}>
                {e.status === "ready" ? (
                  <a
                    className={linkClass}
                    href={`/api/exports/${encodeURIComponent(projectSlug)}/${encodeURIComponent(e.id)}`}
                    download
                  >
                    Download .tar
                  </a>
                ) : null}{" "}
                {e.status !== "building" ? (
                  <button
                    type="button"
                    className={dangerButtonClass}
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(`Delete ${e.name} v${e.version}?`))
                        remove.mutate({ projectSlug, exportId: e.id });
                    }}
                  >
                    Delete
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
