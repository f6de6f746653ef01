"use client";

import { useState, type ReactNode } from "react";
import { RESULT_TABLES } from "@loupe/api/results-tables";
import { formatCount, formatDateTime } from "../format";
import { cardClass, labelClass, inputClass } from "../styles";
import { BreakdownTable } from "./breakdown-table";
import { ResultDownloads } from "./downloads";
import { NetWinChart } from "./net-win-chart";
import { JudgmentsHeatmap, WinRateHeatmap } from "./pair-heatmap";
import { PairsTable } from "./pairs-table";
import { FitWarnings, RatingsTable } from "./ratings-table";
import { RatingsChart } from "./ratings-chart";
import { ReliabilityPanel } from "./reliability-panel";
import type { AxisResults, ResultsRead } from "./types";

const sectionTitle = "mb-2 text-base font-semibold";

const STATUS_TEXT = {
  current: "up to date",
  updating: "new judgments since; updating…",
  pending: "",
} as const;

/**
 * A study's results, as its researchers and share-link readers see them: pick a question, count
 * every judgment or each item's majority, and show ratings as rated or corrected for position
 * bias. `showRaters` is off for share links (nothing about individual raters leaves the project).
 */
export function ResultsView({
  read,
  showRaters,
  fileStem,
  forAxis,
}: {
  read: ResultsRead;
  showRaters: boolean;
  fileStem: string;
  /** More sections about the chosen question (the researcher's planner). */
  forAxis?: (axisId: string) => ReactNode;
}) {
  const { results } = read;
  const [axisId, setAxisId] = useState<string | null>(null);
  const [aggregation, setAggregation] = useState<"every" | "majority">("every");
  const [corrected, setCorrected] = useState(false);
  if (!results)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="results-pending">
        The results are being computed; this page updates when they are ready.
      </p>
    );
  const axis: AxisResults = results.axes.find((a) => a.axisId === axisId) ?? results.axes[0]!;
  const agg = aggregation === "every" ? axis.every : axis.majority;
  const fit = corrected ? agg.ratingsPositionCorrected : agg.ratings;
  const countedLabel = aggregation === "every" ? "judgments" : "items (majority of their raters)";

  return (
    <div className="space-y-8" data-testid="results-view">
      <div className={`${cardClass} space-y-3 p-4`}>
        <p className="text-sm" data-testid="results-status">
          Computed {formatDateTime(read.computedAt)} from {formatCount(results.judgments.counted)} judgments
          {results.judgments.byExcludedRaters > 0
            ? ` (${formatCount(results.judgments.byExcludedRaters)} by ${formatCount(results.excludedRaters)} excluded rater${results.excludedRaters === 1 ? "" : "s"} left out)`
            : ""}
          {results.judgments.gold > 0
            ? `; ${formatCount(results.judgments.gold)} gold judgments measure raters only`
            : ""}
          {STATUS_TEXT[read.status] ? ` · ${STATUS_TEXT[read.status]}` : ""}
        </p>
        <div className="flex flex-wrap items-end gap-4">
          {results.axes.length > 1 ? (
            <div>
              <label htmlFor="results-axis" className={labelClass}>
                Question
              </label>
              <select
                id="results-axis"
                className={inputClass}
                value={axis.axisId}
                onChange={(e) => setAxisId(e.target.value)}
              >
                {results.axes.map((a) => (
                  <option key={a.axisId} value={a.axisId}>
                    {a.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <fieldset>
            <legend className={labelClass}>Count</legend>
            <div className="flex gap-3 text-sm">
              {(
                [
                  ["every", "Every judgment"],
                  ["majority", "Majority per item"],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex items-center gap-1">
                  <input
                    type="radio"
                    name="aggregation"
                    value={value}
                    checked={aggregation === value}
                    onChange={() => setAggregation(value)}
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={corrected} onChange={(e) => setCorrected(e.target.checked)} />
            Correct ratings for position bias
          </label>
        </div>
        <p className="text-xs text-zinc-500">
          “{axis.question}” · {formatCount(agg.judgments)} {countedLabel}
        </p>
      </div>

      <section aria-labelledby="results-ratings">
        <h2 id="results-ratings" className={sectionTitle}>
          Ratings{corrected ? ", corrected for position bias" : ""}
        </h2>
        <div className="space-y-3">
          <FitWarnings fit={fit} />
          <div className={`${cardClass} p-3`}>
            <RatingsChart ratings={fit.ratings} label="Ratings with 95% intervals" />
          </div>
          <RatingsTable fit={fit} caption="Ratings" speed={read.speed} />
        </div>
      </section>

      <section aria-labelledby="results-pairs">
        <h2 id="results-pairs" className={sectionTitle}>
          Model pairs
        </h2>
        <div className="space-y-3">
          <div className={`${cardClass} p-3`}>
            <NetWinChart pairs={agg.pairs} label="Net win rate of A over B with 95% intervals" />
          </div>
          <PairsTable pairs={agg.pairs} caption="Results per model pair" />
          <div className={`${cardClass} grid gap-6 p-3 lg:grid-cols-2`}>
            <WinRateHeatmap models={fit.ratings.map((r) => r.model)} pairs={agg.pairs} />
            <JudgmentsHeatmap models={fit.ratings.map((r) => r.model)} pairs={agg.pairs} />
          </div>
        </div>
      </section>

      <section aria-labelledby="results-breakdown">
        <h2 id="results-breakdown" className={sectionTitle}>
          By prompt tag
        </h2>
        <BreakdownTable axis={axis} models={axis.every.ratings.ratings.map((r) => r.model)} />
      </section>

      <section aria-labelledby="results-reliability">
        <h2 id="results-reliability" className={sectionTitle}>
          Agreement and bias
        </h2>
        <ReliabilityPanel axis={axis} showRaters={showRaters} />
      </section>

      {forAxis?.(axis.axisId)}

      <ResultDownloads
        results={results}
        fileStem={fileStem}
        tables={showRaters ? undefined : RESULT_TABLES.filter((t) => t !== "agreement")}
      />
    </div>
  );
}
