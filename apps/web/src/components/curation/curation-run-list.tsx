"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc";
import { EmptyState } from "../empty-state";
import { ErrorMessage } from "../error-message";
import { formatDateTime } from "../format";
import { StatusBadge } from "../status-badge";
import { cardClass, linkClass, tableClass, tdClass, thClass } from "../styles";
import { formatCount, formatShare } from "./format-curation";
import { curationRunHref } from "./hrefs";

const ACTIVE = new Set(["planning", "running", "finishing"]);

/** The project's curation runs, refreshed every two seconds while any is working. */
export function CurationRunList({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const runs = useQuery({
    ...trpc.curation.list.queryOptions({ projectSlug }),
    refetchInterval: (q) => (q.state.data?.some((r) => ACTIVE.has(r.status)) ? 2000 : 10_000),
  });
  if (runs.isPending) return <p className="text-sm text-zinc-500">Loading curation runs…</p>;
  if (runs.isError) return <ErrorMessage>{runs.error.message}</ErrorMessage>;
  if (runs.data.length === 0)
    return (
      <EmptyState title="No curation runs yet">
        <p>
          A curation run filters a corpus of images or videos — a folder, a JSONL/CSV/Parquet manifest,
          WebDataset shards or a bucket — through stages (resolution, decoding, exposure, borders, sharpness,
          OCR, model scores; duration, motion and scene cuts for videos), removes near-duplicates, and records
          every item&rsquo;s decision with its reason. Start one below, or with{" "}
          <code>loupe curate run pipeline.yaml</code> on any machine that shares the database.
        </p>
      </EmptyState>
    );
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass}>
        <caption className="sr-only">Curation runs</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Run
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Items
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Kept
            </th>
            <th scope="col" className={thClass}>
              Started
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.data.map((r) => (
            <tr key={r.id}>
              <td className={tdClass}>
                <Link href={curationRunHref(projectSlug, r.id)} className={linkClass}>
                  {r.name}
                </Link>
              </td>
              <td className={tdClass}>
                <StatusBadge status={r.status} />
              </td>
              <td className={`${tdClass} text-right tabular-nums`}>
                {r.total === null ? "–" : formatCount(r.total)}
              </td>
              <td className={`${tdClass} text-right tabular-nums`}>
                {r.kept === null || !r.total
                  ? "–"
                  : `${formatCount(r.kept)} (${formatShare(r.kept / r.total)})`}
              </td>
              <td className={tdClass}>{formatDateTime(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
