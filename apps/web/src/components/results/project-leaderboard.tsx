"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { formatCount } from "../format";
import { toCsv } from "@loupe/api/results-tables";
import { cardClass, inputClass, labelClass, linkClass, secondaryButtonClass } from "../styles";
import { MetricTable } from "../evaluations/metric-table";
import { download } from "./downloads";
import { FitWarnings, RatingsTable } from "./ratings-table";
import { RatingsChart } from "./ratings-chart";

/**
 * One leaderboard per study template, pooling every study of that template: their judgments'
 * counts per model pair are added and Bradley–Terry is fitted on the sum. Beside the ratings, the
 * automatic metrics of the pooled studies' latest evaluations, with how well each tracks the raters.
 */
export function ProjectLeaderboard({
  projectSlug,
  studiesHref,
}: {
  projectSlug: string;
  studiesHref: string;
}) {
  const trpc = useTRPC();
  const boards = useQuery(trpc.results.boards.queryOptions({ projectSlug }));
  const templates = useQuery(trpc.studies.templates.queryOptions({ projectSlug }));
  const [choice, setChoice] = useState<{ template: string; axisId: string } | null>(null);
  const board = boards.data?.find((b) => b.template === choice?.template) ?? boards.data?.[0];
  const axisId = board?.axes.find((a) => a.id === choice?.axisId)?.id ?? board?.axes[0]?.id;
  const pooled = useQuery({
    ...trpc.results.project.queryOptions({
      projectSlug,
      template: board?.template ?? "",
      axisId: axisId ?? "",
    }),
    enabled: Boolean(board && axisId),
  });
  if (boards.isPending) return <p className="text-sm text-zinc-500">Loading leaderboards…</p>;
  if (boards.isError) return <ErrorMessage>{boards.error.message}</ErrorMessage>;
  if (!board || !axisId)
    return (
      <div className={`${cardClass} space-y-2 p-5 text-sm`} data-testid="no-leaderboard">
        <p className="font-medium">No leaderboard yet</p>
        <p className="text-zinc-600 dark:text-zinc-400">
          Ratings appear here once a pairwise study has judgments. Start one from{" "}
          <Link href={studiesHref} className={linkClass}>
            Studies
          </Link>
          .
        </p>
      </div>
    );
  const templateName = (id: string) => templates.data?.find((t) => t.id === id)?.name ?? id;
  return (
    <div className="space-y-6" data-testid="project-leaderboard">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="board-template" className={labelClass}>
            Study template
          </label>
          <select
            id="board-template"
            className={inputClass}
            value={board.template}
            onChange={(e) => setChoice({ template: e.target.value, axisId: "" })}
          >
            {boards.data.map((b) => (
              <option key={b.template} value={b.template}>
                {templateName(b.template)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="board-axis" className={labelClass}>
            Question
          </label>
          <select
            id="board-axis"
            className={inputClass}
            value={axisId}
            onChange={(e) => setChoice({ template: board.template, axisId: e.target.value })}
          >
            {board.axes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {pooled.isError ? <ErrorMessage>{pooled.error.message}</ErrorMessage> : null}
      {pooled.data ? (
        <>
          <FitWarnings fit={pooled.data.ratings} />
          <div className={`${cardClass} p-3`}>
            <RatingsChart ratings={pooled.data.ratings.ratings} label="Pooled ratings with 95% intervals" />
          </div>
          <RatingsTable fit={pooled.data.ratings} caption="Pooled ratings" speed={pooled.data.speed} />
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() =>
              download(
                `leaderboard-${board.template}-${axisId}.csv`,
                "text/csv",
                toCsv(
                  pooled.data.ratings.ratings.map((r) => ({
                    template: board.template,
                    axis: axisId,
                    rank: r.rank,
                    rank_upper_bound: r.rankUpperBound,
                    model: r.model,
                    rating: Math.round(r.rating * 10) / 10,
                    rating_low: Math.round(r.interval.low * 10) / 10,
                    rating_high: Math.round(r.interval.high * 10) / 10,
                    rating_method: r.interval.method,
                    judgments: r.judgments,
                  })),
                ),
              )
            }
          >
            Leaderboard CSV
          </button>
          <section aria-labelledby="board-metrics" className="space-y-2">
            <h2 id="board-metrics" className="text-base font-semibold">
              Automatic metrics
            </h2>
            {pooled.data.metrics.metrics.length ? (
              <>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  Per-output values from the latest evaluation of {pooled.data.metrics.runs.length} of the{" "}
                  {pooled.data.studies.length} pooled studies, each model&rsquo;s mean with a 95% interval
                  over prompts. Agreement: ρ and τ against the pooled ratings, and the share of decisive
                  judgments where the metric prefers the rater&rsquo;s choice.
                </p>
                <MetricTable metrics={pooled.data.metrics.metrics} caption="Automatic metrics per model" />
              </>
            ) : (
              <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="no-board-metrics">
                No pooled study has a finished evaluation. Start one from a study&rsquo;s Results tab.
              </p>
            )}
            {pooled.data.metrics.unpooled.length ? (
              <p className="text-xs text-zinc-500">
                {pooled.data.metrics.unpooled.join(", ")}: distances between whole sets cannot be pooled
                across studies; each study&rsquo;s own are on its Results tab.
              </p>
            ) : null}
          </section>
          <div className="text-sm">
            <p className="font-medium">Pooled from</p>
            <ul className="list-inside list-disc">
              {pooled.data.studies.map((s) => (
                <li key={s.id}>
                  <Link href={`${studiesHref}/${encodeURIComponent(s.id)}/results`} className={linkClass}>
                    {s.name}
                  </Link>{" "}
                  — {formatCount(s.judgments)} judgments
                </li>
              ))}
            </ul>
          </div>
        </>
      ) : null}
    </div>
  );
}
