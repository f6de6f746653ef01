import { formatCount } from "../format";
import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { formatInterval, formatRating } from "./numbers";
import type { AxisResults } from "./types";

/**
 * Ratings per prompt tag (PartiPrompts categories and challenges, Movie Gen concepts and motion
 * levels): one row per tag, one column per model, each cell the rating and its interval. Cells
 * too small to read on their own are marked.
 */
export function BreakdownTable({ axis, models }: { axis: AxisResults; models: string[] }) {
  if (axis.breakdowns.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">The prompts have no tags to break down by.</p>
    );
  return (
    <div className={`${cardClass} max-h-[32rem] overflow-auto`}>
      <table className={tableClass} data-testid="breakdown-table">
        <caption className="sr-only">Ratings by prompt tag</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Tag
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Judgments
            </th>
            {models.map((m) => (
              <th key={m} scope="col" className={`${thClass} text-right normal-case`}>
                {m}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {axis.breakdowns.map((cell) => (
            <tr key={cell.tag}>
              <th scope="row" className={`${tdClass} font-medium`}>
                {cell.tag}
                {cell.warning ? (
                  <span className="block text-xs font-normal text-amber-700 dark:text-amber-300">
                    ⚠ {cell.warning}
                  </span>
                ) : null}
              </th>
              <td className={`${tdClass} text-right tabular-nums`}>
                {formatCount(cell.judgments)}
                <span className="block text-xs text-zinc-500">{formatCount(cell.prompts)} prompts</span>
              </td>
              {models.map((m) => {
                const r = cell.ratings.ratings.find((x) => x.model === m);
                return (
                  <td
                    key={m}
                    className={`${tdClass} text-right tabular-nums ${cell.warning ? "text-zinc-400" : ""}`}
                  >
                    {r ? formatRating(r.rating) : "—"}
                    {r ? (
                      <span className="block text-xs text-zinc-500">
                        {formatInterval(r.interval, formatRating)}
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
