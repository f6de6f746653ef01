import { formatCount } from "../format";
import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { METHOD_NAMES, formatInterval, formatRating } from "./numbers";
import type { RatingsFit } from "./types";

/**
 * The leaderboard: rank, the rank's upper bound (how high the model could stand given the
 * intervals), the Bradley–Terry rating on the Elo scale and its 95% interval.
 */
export function RatingsTable({ fit, caption }: { fit: RatingsFit; caption: string }) {
  const method = METHOD_NAMES[fit.method];
  return (
    <div className={`${cardClass} overflow-auto`}>
      <table className={tableClass} data-testid="ratings-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Rank
            </th>
            <th
              scope="col"
              className={thClass}
              title="1 + the models whose interval lies entirely above this one's"
            >
              Rank (upper bound)
            </th>
            <th scope="col" className={thClass}>
              Model
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Rating
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              95% interval ({method})
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Judgments
            </th>
          </tr>
        </thead>
        <tbody>
          {fit.ratings.map((r) => (
            <tr key={r.model}>
              <td className={tdClass}>{r.rank}</td>
              <td className={tdClass}>{r.rankUpperBound}</td>
              <th scope="row" className={`${tdClass} font-medium`}>
                {r.model}
              </th>
              <td className={`${tdClass} text-right tabular-nums`}>{formatRating(r.rating)}</td>
              <td className={`${tdClass} text-right tabular-nums`}>
                {formatInterval(r.interval, formatRating)}
              </td>
              <td className={`${tdClass} text-right tabular-nums`}>{formatCount(r.judgments)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="px-3 py-2 text-xs text-zinc-500">
        Bradley–Terry on the Elo scale (400·log₁₀ strength, each group of compared models centred on 1000; a
        tie counts half a win for each side). Intervals: {method}, {formatCount(fit.rounds)} rounds.
        {fit.positionAdvantage
          ? ` Left-side advantage fitted: ${formatRating(fit.positionAdvantage.value)} points (${formatInterval(fit.positionAdvantage.interval, formatRating)}).`
          : ""}
      </p>
    </div>
  );
}

/** The fit's cautions (an unbeaten model, models never compared with the rest…), as written. */
export function FitWarnings({ fit }: { fit: RatingsFit }) {
  if (fit.warnings.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm text-amber-800 dark:text-amber-300" data-testid="fit-warnings">
      {fit.warnings.map((w, i) => (
        <li key={i}>⚠ {w.message}</li>
      ))}
    </ul>
  );
}
