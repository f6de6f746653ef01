"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { formatCount, formatDateTime } from "../format";
import { StatusBadge } from "../status-badge";
import { cardClass, tableClass, tdClass, thClass } from "../styles";

/** Every version of the policy, newest first, with its note and the studies that review under it. */
export function PolicyHistory({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.safety.policyHistory.queryOptions({ projectSlug }));
  if (history.isPending) return <p className="text-sm text-zinc-500">Loading the version history…</p>;
  if (history.isError) return <ErrorMessage>{history.error.message}</ErrorMessage>;
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass}>
        <caption className="sr-only">Version history</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Version
            </th>
            <th scope="col" className={thClass}>
              What changed
            </th>
            <th scope="col" className={thClass}>
              Date
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Categories
            </th>
            <th scope="col" className={thClass}>
              Studies using it
            </th>
          </tr>
        </thead>
        <tbody>
          {history.data.map((v) => (
            <tr key={v.version}>
              <th scope="row" className={`${tdClass} font-medium tabular-nums`}>
                {v.version}
              </th>
              <td className={tdClass}>{v.note || <span className="text-zinc-400">—</span>}</td>
              <td className={`${tdClass} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                {formatDateTime(v.createdAt)}
              </td>
              <td className={`${tdClass} text-right tabular-nums`}>{formatCount(v.categories)}</td>
              <td className={tdClass}>
                {v.studies.length === 0 ? (
                  <span className="text-zinc-400">—</span>
                ) : (
                  <ul className="space-y-1">
                    {v.studies.map((s, i) => (
                      <li key={`${s.name}-${i}`} className="flex flex-wrap items-center gap-2">
                        <span>{s.name}</span>
                        <StatusBadge status={s.status} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
