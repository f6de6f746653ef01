"use client";

import { useState } from "react";
import { formatCount, formatPercent } from "../format";
import { cardClass, labelClass, inputClass, tableClass, tdClass, thClass } from "../styles";
import {
  formatCoefficient,
  formatInterval,
  formatPValue,
  formatRating,
  formatSignedPercent,
} from "./numbers";
import type { AxisResults } from "./types";

type View = "ratings" | "pairs" | "agreement";
type Breakdown = AxisResults["breakdowns"][number];

const VIEWS: { value: View; label: string }[] = [
  { value: "ratings", label: "Ratings" },
  { value: "pairs", label: "Net win rate per pair" },
  { value: "agreement", label: "Agreement and position bias" },
];

/** One column per model, or per pair, or the agreement figures, for one tag's row. */
function columnsFor(view: View, axis: AxisResults, models: string[]) {
  if (view === "ratings")
    return models.map((m) => ({
      key: m,
      label: m,
      cell: (b: Breakdown) => {
        const r = b.ratings.ratings.find((x) => x.model === m);
        return r ? { main: formatRating(r.rating), sub: formatInterval(r.interval, formatRating) } : null;
      },
    }));
  if (view === "pairs")
    return axis.every.pairs.map((p) => ({
      key: p.key,
      label: `${p.modelA} vs ${p.modelB}`,
      cell: (b: Breakdown) => {
        const q = b.pairs.find((x) => x.key === p.key);
        return q && q.netWinRate.value !== null
          ? {
              main: formatSignedPercent(q.netWinRate.value),
              sub: formatInterval(q.netWinRate.bootstrap, formatSignedPercent),
            }
          : null;
      },
    }));
  return [
    {
      key: "alpha",
      label: "α nominal",
      cell: (b: Breakdown) => ({ main: formatCoefficient(b.reliability.alphaNominal.alpha), sub: "" }),
    },
    {
      key: "alpha-ordinal",
      label: "α ordinal",
      cell: (b: Breakdown) => ({ main: formatCoefficient(b.reliability.alphaOrdinal.alpha), sub: "" }),
    },
    {
      key: "kappa",
      label: "Fleiss' κ",
      cell: (b: Breakdown) => ({ main: formatCoefficient(b.reliability.fleissKappa.kappa), sub: "" }),
    },
    {
      key: "left",
      label: "Left side won",
      cell: (b: Breakdown) => ({
        main: formatPercent(b.positionBias.leftShare),
        sub: b.positionBias.pValue === null ? "" : `p = ${formatPValue(b.positionBias.pValue)}`,
      }),
    },
  ];
}

/**
 * The results again per prompt tag (PartiPrompts categories and challenges, Movie Gen concepts
 * and motion levels): ratings, net win rate per pair, or agreement and position bias. Cells too
 * small to read on their own are greyed and say why.
 */
export function BreakdownTable({ axis, models }: { axis: AxisResults; models: string[] }) {
  const [view, setView] = useState<View>("ratings");
  if (axis.breakdowns.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">The prompts have no tags to break down by.</p>
    );
  const columns = columnsFor(view, axis, models);
  return (
    <div className="space-y-2">
      <div className="max-w-xs">
        <label htmlFor="breakdown-view" className={labelClass}>
          Show per tag
        </label>
        <select
          id="breakdown-view"
          className={inputClass}
          value={view}
          onChange={(e) => setView(e.target.value as View)}
        >
          {VIEWS.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
      </div>
      <div className={`${cardClass} max-h-[32rem] overflow-auto`}>
        <table className={tableClass} data-testid="breakdown-table">
          <caption className="sr-only">{VIEWS.find((v) => v.value === view)!.label} by prompt tag</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>
                Tag
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Judgments
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={`${thClass} text-right normal-case`}>
                  {c.label}
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
                {columns.map((c) => {
                  const value = c.cell(cell);
                  return (
                    <td
                      key={c.key}
                      className={`${tdClass} text-right tabular-nums ${cell.warning ? "text-zinc-400" : ""}`}
                    >
                      {value?.main ?? "—"}
                      {value?.sub ? <span className="block text-xs text-zinc-500">{value.sub}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
