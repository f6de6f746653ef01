import { formatCount, formatPercent } from "../format";
import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { METHOD_NAMES, formatCoefficient, formatInterval, formatPValue } from "./numbers";
import type { AxisResults, Interval } from "./types";

const REASONS: Record<string, string> = {
  "no-pairable-values": "no item has two raters yet",
  "no-variation": "every answer is the same, so agreement beyond chance is undefined",
};

function Coefficient({
  name,
  value,
  interval,
  reason,
  note,
}: {
  name: string;
  value: number | null;
  interval: Interval | null;
  reason: string | null;
  note: string;
}) {
  return (
    <div className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{name}</dt>
      <dd className="text-xl font-semibold tabular-nums">{formatCoefficient(value)}</dd>
      {interval ? (
        <dd className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
          95% {formatInterval(interval, formatCoefficient)} ({METHOD_NAMES[interval.method]})
        </dd>
      ) : null}
      <dd className="text-xs text-zinc-500">
        {value === null && reason ? (REASONS[reason] ?? reason) : note}
      </dd>
    </div>
  );
}

/**
 * Can the numbers be trusted: chance-corrected agreement between raters, accuracy on gold items,
 * and whether raters favoured the left side (exact binomial test against an even split).
 */
export function ReliabilityPanel({ axis, showRaters }: { axis: AxisResults; showRaters: boolean }) {
  const r = axis.reliability;
  const bias = axis.positionBias;
  return (
    <div className="space-y-4" data-testid="reliability-panel">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Coefficient
          name="Krippendorff's α (nominal)"
          value={r.alphaNominal.alpha}
          interval={r.intervals.alphaNominal}
          reason={r.alphaNominal.reason}
          note={`${formatCount(r.alphaNominal.units)} items with 2+ raters`}
        />
        <Coefficient
          name="Krippendorff's α (ordinal)"
          value={r.alphaOrdinal.alpha}
          interval={r.intervals.alphaOrdinal}
          reason={r.alphaOrdinal.reason}
          note={
            axis.scale === "five-point"
              ? "on the five-point scale"
              : `A < tie < B; ${formatCount(r.alphaOrdinal.excludedValues)} "both bad" left out`
          }
        />
        <Coefficient
          name="Fleiss' κ"
          value={r.fleissKappa.kappa}
          interval={r.intervals.fleissKappa}
          reason={r.fleissKappa.reason}
          note={`${formatCount(r.fleissKappa.raters)} raters`}
        />
        <div className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">Gold accuracy</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatPercent(r.gold.overall?.accuracy)}</dd>
          <dd className="text-xs text-zinc-500">
            {r.gold.overall
              ? `${formatCount(r.gold.overall.correct)} of ${formatCount(r.gold.overall.judged)} · Wilson ${formatInterval(r.gold.overall.interval, formatPercent)}`
              : "no gold items judged"}
          </dd>
        </div>
      </dl>

      <div
        className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
        data-testid="position-bias"
      >
        <p className="font-medium">Position bias</p>
        {bias.leftShare === null ? (
          <p className="text-zinc-500">No decisive judgments yet.</p>
        ) : (
          <p>
            The left side won {formatPercent(bias.leftShare)} of {formatCount(bias.decisive)} decisive
            judgments (Wilson 95% {formatInterval(bias.interval, formatPercent)}; exact binomial test against
            50%: p = {formatPValue(bias.pValue)}).{" "}
            {bias.pValue !== null && bias.pValue < 0.05
              ? "Raters favoured one side: compare the ratings with the position-corrected ones."
              : "No sign that raters favoured a side."}
          </p>
        )}
      </div>

      {showRaters && r.raterAgreement.length > 0 ? (
        <div className={`${cardClass} max-h-96 overflow-auto`}>
          <table className={tableClass} data-testid="rater-agreement">
            <caption className="px-3 pt-2 text-left text-sm font-medium">
              Each rater's agreement with the other raters' majority on the same items
            </caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>
                  Rater
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  Agreed / compared
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  Agreement
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  Wilson 95%
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  Gold
                </th>
              </tr>
            </thead>
            <tbody>
              {r.raterAgreement.map((a) => {
                const gold = r.gold.raters.find((g) => g.raterId === a.raterId);
                return (
                  <tr key={a.raterId}>
                    <th scope="row" className={`${tdClass} font-mono text-xs`}>
                      {a.raterId.slice(0, 8)}
                    </th>
                    <td className={`${tdClass} text-right tabular-nums`}>
                      {formatCount(a.agreed)} / {formatCount(a.compared)}
                    </td>
                    <td className={`${tdClass} text-right tabular-nums`}>{formatPercent(a.rate)}</td>
                    <td className={`${tdClass} text-right tabular-nums`}>
                      {formatInterval(a.interval, formatPercent)}
                    </td>
                    <td className={`${tdClass} text-right tabular-nums`}>
                      {gold ? `${gold.correct} / ${gold.judged}` : "—"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
