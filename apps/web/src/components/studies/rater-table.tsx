import { formatCount, formatDateTime, formatPercent, formatSeconds } from "../format";
import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { RaterExclusion } from "./rater-exclusion";
import type { MonitorRater } from "./types";

const numTd = `${tdClass} text-right tabular-nums whitespace-nowrap`;
const COLUMNS = [
  "Judgments",
  "Gold accuracy",
  "Median time",
  "Too fast",
  "Left side",
  "Same answer",
  "Agreement",
] as const;

/** Every rater with the quality figures the study's thresholds are checked against. */
export function RaterTable({ projectSlug, raters }: { projectSlug: string; raters: MonitorRater[] }) {
  if (raters.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No raters yet: they appear here when they open an invite link or a member starts rating.
      </p>
    );
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass}>
        <caption className="sr-only">Raters</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Rater
            </th>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={`${thClass} text-right`}>
                {c}
              </th>
            ))}
            <th scope="col" className={thClass}>
              Flags
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {raters.map((r) => (
            <tr
              key={r.id}
              data-testid="rater-row"
              className={r.excluded ? "bg-red-50/60 dark:bg-red-950/30" : undefined}
            >
              <th scope="row" className={`${tdClass} font-medium`}>
                {r.name}
                <span className="block text-xs font-normal text-zinc-500">
                  {r.source} · seen {formatDateTime(r.lastSeenAt)}
                </span>
              </th>
              <td className={numTd}>{formatCount(r.judgments)}</td>
              <td className={numTd}>
                {formatPercent(r.goldAccuracy)}
                <span className="block text-xs text-zinc-500">of {formatCount(r.goldJudged)}</span>
              </td>
              <td className={numTd}>{formatSeconds(r.medianSeconds)}</td>
              <td className={numTd}>{formatPercent(r.tooFastShare)}</td>
              <td className={numTd}>{formatPercent(r.leftShare)}</td>
              <td className={numTd}>{formatPercent(r.sameAnswerShare)}</td>
              <td className={numTd}>{formatPercent(r.agreement)}</td>
              <td className={`${tdClass} text-xs`}>
                {r.flags.length === 0 ? (
                  "—"
                ) : (
                  <ul className="space-y-0.5 text-amber-800 dark:text-amber-300">
                    {r.flags.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td className={tdClass}>
                <p className="mb-1 text-xs">
                  {r.excluded ? (
                    <strong className="text-red-700 dark:text-red-300">excluded</strong>
                  ) : (
                    "included"
                  )}
                  {r.excludedReason ? <span className="block text-zinc-500">{r.excludedReason}</span> : null}
                </p>
                <RaterExclusion projectSlug={projectSlug} rater={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
