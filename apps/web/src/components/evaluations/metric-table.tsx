"use client";

import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { formatMetric, formatMetricInterval } from "./format-metric";
import type { MetricSummary, StudyMetric } from "./types";

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? "–" : `${Math.round(x * 100)}%`;
const coef = (x: number | null | undefined) => (x === null || x === undefined ? "–" : x.toFixed(2));

/**
 * Models down, metrics across: each cell the model's mean with its 95% interval (or FID/KID), an
 * arrow saying which way is better. With study metrics, a last row says how well each metric
 * tracks the raters: rank correlation with the ratings and per-pair agreement.
 */
export function MetricTable({
  metrics,
  caption,
}: {
  metrics: (MetricSummary | StudyMetric)[];
  caption: string;
}) {
  const models = [...new Set(metrics.flatMap((m) => m.perModel.map((p) => p.modelName)))].sort();
  const agreement = metrics.some((m) => "rank" in m);
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Model
            </th>
            {metrics.map((m) => (
              <th key={m.key} scope="col" className={`${thClass} text-right`} title={m.notes.join("; ")}>
                {m.label} {m.higherIsBetter ? "↑" : "↓"}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {models.map((model) => (
            <tr key={model}>
              <th scope="row" className={`${tdClass} font-mono font-medium`}>
                {model}
              </th>
              {metrics.map((m) => {
                const row = m.perModel.find((p) => p.modelName === model);
                const error = m.errors.find((e) => e.modelName === model);
                return (
                  <td key={m.key} className={`${tdClass} text-right tabular-nums`}>
                    {row ? (
                      <>
                        <span className="font-medium">{formatMetric(row.value)}</span>{" "}
                        <span className="text-xs text-zinc-500">
                          {formatMetricInterval(row.low, row.high)}
                        </span>
                        <div className="text-xs text-zinc-500">
                          n = {row.n}
                          {row.failed ? `, ${row.failed} failed` : ""}
                        </div>
                      </>
                    ) : (
                      <span className="text-xs text-zinc-500" title={error?.error}>
                        {error ? `– ${error.error}` : "–"}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
          {agreement ? (
            <tr>
              <th scope="row" className={`${tdClass} text-xs font-semibold text-zinc-600 dark:text-zinc-400`}>
                Agreement with raters
              </th>
              {metrics.map((m) => {
                const s = m as StudyMetric;
                return (
                  <td key={m.key} className={`${tdClass} text-right text-xs tabular-nums`}>
                    <div title="Spearman's ρ and Kendall's τ-b between the metric and the models' ratings">
                      ρ {coef(s.rank?.spearman)} · τ {coef(s.rank?.kendall)}
                    </div>
                    {s.pairs ? (
                      <div title="Share of decisive judgments where the metric prefers the rater's choice">
                        pairs {pct(s.pairs.agreement)} of {s.pairs.counted}
                      </div>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
