"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { formatCount } from "../format";
import { cardClass } from "../styles";
import { HourlyChart } from "./hourly-chart";
import { ProgressBar } from "./progress-bar";
import { ProgressTable } from "./progress-table";
import { RaterTable } from "./rater-table";
import { SkipList } from "./skip-list";

/** Raters work while the researcher watches: the figures refresh on their own every few seconds. */
const REFRESH_MS = 3000;

const sectionTitle = "mb-2 text-base font-semibold";
const timeFormat = new Intl.DateTimeFormat("en-GB", { timeStyle: "medium" });

/** The live study monitor: overall progress, per pair and prompt, per hour, skips, and raters. */
export function StudyMonitor({ projectSlug, studyId }: { projectSlug: string; studyId: string }) {
  const trpc = useTRPC();
  const monitor = useQuery(
    trpc.studies.monitor.queryOptions({ projectSlug, studyId }, { refetchInterval: REFRESH_MS }),
  );
  if (monitor.isPending) return <p className="text-sm text-zinc-500">Loading the monitor…</p>;
  if (monitor.isError) return <ErrorMessage>{monitor.error.message}</ErrorMessage>;
  const m = monitor.data;
  return (
    <div className="space-y-8" data-testid="study-monitor">
      <section aria-labelledby="monitor-progress" className={`${cardClass} p-5`}>
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="monitor-progress" className="text-base font-semibold">
            Progress
          </h2>
          <p className="text-xs text-zinc-500" aria-live="off">
            Updated {timeFormat.format(monitor.dataUpdatedAt)} · refreshes every {REFRESH_MS / 1000} s
          </p>
        </div>
        <ProgressBar value={m.progress.judgments} max={m.progress.target} label="Judgments of the target" />
        <p className="mt-2 text-sm" data-testid="monitor-totals">
          {formatCount(m.progress.judgments)} judgments of {formatCount(m.progress.target)} ·{" "}
          {formatCount(m.progress.liveLeases)} task{m.progress.liveLeases === 1 ? "" : "s"} being rated now
        </p>
      </section>

      <section aria-labelledby="monitor-hourly">
        <h2 id="monitor-hourly" className={sectionTitle}>
          Judgments per hour
        </h2>
        <div className={`${cardClass} p-4`}>
          <HourlyChart data={m.hourly} now={monitor.dataUpdatedAt} />
        </div>
      </section>

      <section aria-labelledby="monitor-pairs">
        <h2 id="monitor-pairs" className={sectionTitle}>
          By model pair
        </h2>
        <ProgressTable
          caption="Progress by model pair"
          heading="Pair"
          rows={m.pairs.map((p) => ({
            key: `${p.modelA}\u0000${p.modelB}`,
            name: `${p.modelA} vs ${p.modelB}`,
            label: (
              <span className="font-mono">
                {p.modelA} <span className="text-zinc-400">vs</span> {p.modelB}
              </span>
            ),
            ...p,
          }))}
        />
      </section>

      <section aria-labelledby="monitor-prompts">
        <h2 id="monitor-prompts" className={sectionTitle}>
          By prompt, least complete first
        </h2>
        <ProgressTable
          caption="Progress by prompt"
          heading="Prompt"
          rows={m.prompts.map((p, i) => ({ key: String(i), name: p.prompt, label: p.prompt, ...p }))}
        />
      </section>

      <section aria-labelledby="monitor-skips">
        <h2 id="monitor-skips" className={sectionTitle}>
          Skips
        </h2>
        <SkipList skips={m.skips} />
      </section>

      <section aria-labelledby="monitor-raters">
        <h2 id="monitor-raters" className={sectionTitle}>
          Raters
        </h2>
        <RaterTable projectSlug={projectSlug} raters={m.raters} />
      </section>
    </div>
  );
}
