import { formatDateTime } from "../format";
import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { auditDetails } from "./audit-details";
import type { AuditEntry } from "./types";

/** One page of the study's audit trail, newest first: who did what, when, to what. */
export function AuditTrailTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing recorded for this study yet.</p>;
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass} data-testid="audit-trail">
        <caption className="sr-only">Audit trail</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Time
            </th>
            <th scope="col" className={thClass}>
              Actor
            </th>
            <th scope="col" className={thClass}>
              Action
            </th>
            <th scope="col" className={thClass}>
              Target
            </th>
            <th scope="col" className={thClass}>
              Details
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className={`${tdClass} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                {formatDateTime(e.at)}
              </td>
              <td className={tdClass}>{e.actor ?? <span className="text-zinc-400">system</span>}</td>
              <td className={`${tdClass} font-mono text-xs`}>{e.action}</td>
              <td className={`${tdClass} text-xs`}>
                {e.targetType}
                {e.targetId ? <span className="block font-mono text-zinc-500">{e.targetId}</span> : null}
              </td>
              <td className={`${tdClass} max-w-md text-xs break-words`}>{auditDetails(e.data) || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
