import { formatCount } from "../format";
import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { METHOD_NAMES, formatInterval, formatRating } from "./numbers";
import type { ModelSpeed, RatingsFit } from "./types";

/** "1.84 s" (of 120 timed outputs); "—" when the model's outputs recorded no latency. */
function formatLatency(s: ModelSpeed | undefined): string {
  if (!s || s.medianLatencySeconds === null) return "—";
  const v = s.medianLatencySeconds;
  return v < 1 ? `${Math.round(v * 1000)} ms` : `${v.toFixed(2)} s`;
}

/**
 * The leaderboard: rank, the rank's upper bound (how high the model could stand given the
 * intervals), the Bradley–Terry rating on the Elo scale and its 95% interval.
 */
export function RatingsTable({
  fit,
  caption,
  speed = [],
}: {
  fit: RatingsFit;
  caption: string;
  /** Median latency and steps per model, shown beside the rating when any output recorded them. */
  speed?: readonly ModelSpeed[];
}) {
  const method = METHOD_NAMES[fit.method];
  const speedOf = new Map(speed.map((s) => [s.model, s]));
  const showSpeed = speed.some((s) => s.timed > 0);
  const showSteps = speed.some((s) => s.medianSteps !== null);
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
            {showSpeed ? (
              <th
                scope="col"
                className={`${thClass} text-right`}
                title="Median seconds per output, as generated"
              >
                Median latency
              </th>
            ) : null}
            {showSteps ? (
              <th
                scope="col"
                className={`${thClass} text-right`}
                title="Median sampler steps / function evaluations"
              >
                Steps
              </th>
            ) : null}
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
              {showSpeed ? (
                <td className={`${tdClass} text-right tabular-nums`}>
                  {formatLatency(speedOf.get(r.model))}
                </td>
              ) : null}
              {showSteps ? (
                <td className={`${tdClass} text-right tabular-nums`}>
                  {speedOf.get(r.model)?.medianSteps ?? "—"}
                </td>
              ) : null}
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
