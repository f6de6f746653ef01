import { formatCount, formatPercent } from "../format";
import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { formatInterval, formatSignedPercent } from "./numbers";
import type { PairResult } from "./types";

/**
 * Per model pair: the counts, A's win rate among decisive judgments (Wilson and cluster-bootstrap
 * intervals side by side) and the net win rate (wins − losses over all judgments, Movie Gen's
 * measure) with its cluster-bootstrap interval. Missing numbers say why.
 */
export function PairsTable({ pairs, caption }: { pairs: PairResult[]; caption: string }) {
  return (
    <div className={`${cardClass} overflow-auto`}>
      <table className={tableClass} data-testid="pairs-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              A vs B
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              A wins
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              B wins
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Ties
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Both bad
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              A win rate
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Wilson 95%
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Bootstrap 95%
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Net win rate
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Bootstrap 95%
            </th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => {
            const notes = [
              p.winRate.reason?.message,
              p.netWinRate.reason?.message,
              ...p.warnings.map((w) => w.message),
            ]
              .filter((m): m is string => Boolean(m))
              .filter((m, i, all) => all.indexOf(m) === i);
            return (
              <tr key={p.key}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {p.modelA} <span className="text-zinc-400">vs</span> {p.modelB}
                  <span className="block text-xs font-normal text-zinc-500">
                    {formatCount(p.total)} judgments · {formatCount(p.prompts)} prompts
                  </span>
                  {notes.map((n) => (
                    <span key={n} className="block text-xs font-normal text-amber-700 dark:text-amber-300">
                      {n}
                    </span>
                  ))}
                </th>
                <td className={`${tdClass} text-right tabular-nums`}>{formatCount(p.counts.aWins)}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{formatCount(p.counts.bWins)}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{formatCount(p.counts.ties)}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{formatCount(p.counts.bothBad)}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{formatPercent(p.winRate.value)}</td>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {formatInterval(p.winRate.wilson, formatPercent)}
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {formatInterval(p.winRate.bootstrap, formatPercent)}
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {formatSignedPercent(p.netWinRate.value)}
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {formatInterval(p.netWinRate.bootstrap, formatSignedPercent)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
