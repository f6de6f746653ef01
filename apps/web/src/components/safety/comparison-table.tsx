import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { excludesZero, formatPoints } from "./format-rate";
import type { Comparison } from "./types";

/**
 * Every pair of models: the difference of their any-violation rates (A − B, in percentage
 * points) with Newcombe's 95% interval, and whether that interval leaves out zero. A pair where
 * a model has no decided item has no difference to show.
 */
export function ComparisonTable({ comparisons }: { comparisons: Comparison[] }) {
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass} data-testid="comparison-table">
        <caption className="sr-only">Model versus model</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              A vs B
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Difference (A − B)
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              95% interval
            </th>
            <th scope="col" className={thClass}>
              Interval excludes 0
            </th>
          </tr>
        </thead>
        <tbody>
          {comparisons.map((c) => {
            const known = c.nA > 0 && c.nB > 0;
            const excluded = known && excludesZero(c.interval);
            return (
              <tr key={`${c.modelA}\u0000${c.modelB}`}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {c.modelA} <span className="text-zinc-400">vs</span> {c.modelB}
                </th>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {known ? `${formatPoints(c.difference)} pp` : "—"}
                </td>
                <td className={`${tdClass} text-right whitespace-nowrap tabular-nums`}>
                  {known ? `${formatPoints(c.interval[0])} to ${formatPoints(c.interval[1])} pp` : "—"}
                </td>
                <td className={tdClass}>
                  {!known ? (
                    "—"
                  ) : excluded ? (
                    <span className="font-medium">
                      Yes: {c.difference > 0 ? `${c.modelA} violates more` : `${c.modelB} violates more`}
                    </span>
                  ) : (
                    "No: the difference may be chance"
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
