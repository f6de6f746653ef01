"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { StatusBadge } from "../status-badge";
import { hintClass, linkClass, secondaryButtonClass } from "../styles";
import { AuditPanel } from "./audit-panel";
import { DuplicateClusters } from "./duplicate-clusters";
import { formatCount, formatEta } from "./format-curation";
import { FunnelChart } from "./funnel-chart";
import { FunnelTable } from "./funnel-table";
import { curationDownloadHref } from "./hrefs";
import { SampleGallery } from "./sample-gallery";
import { ThresholdPanel } from "./threshold-panel";
import { changesOf, type StageChanges, type ThresholdEdits } from "./threshold-edits";
import type { CurationRun, CurationSummaryView } from "./types";
import { refreshQueries } from "@/lib/refresh-queries";

const ACTIVE = new Set(["planning", "running", "finishing"]);

/**
 * One curation run: live progress with pause, resume and cancel while it works; once done, the
 * funnel, the downloads, every score's histogram with its thresholds (and a projected funnel for
 * other thresholds), the human audit of the filters, galleries of kept and removed items, and the
 * near-duplicate clusters.
 */
export function CurationRunView({ projectSlug, runId }: { projectSlug: string; runId: string }) {
  const trpc = useTRPC();
  const run = useQuery({
    ...trpc.curation.get.queryOptions({ projectSlug, runId }),
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.status) ? 1500 : false),
  });
  const queryClient = useQueryClient();
  const onSuccess = () =>
    Promise.all([
      run.refetch(),
      refreshQueries(queryClient, { queryKey: trpc.curation.list.queryKey({ projectSlug }) }),
    ]);
  const pause = useMutation(trpc.curation.pause.mutationOptions({ onSuccess }));
  const resume = useMutation(trpc.curation.resume.mutationOptions({ onSuccess }));
  const cancel = useMutation(trpc.curation.cancel.mutationOptions({ onSuccess }));
  if (run.isPending) return <p className="text-sm text-zinc-500">Loading the run…</p>;
  if (run.isError) return <ErrorMessage>{run.error.message}</ErrorMessage>;
  const r = run.data;
  const control = (
    action: { mutate: (input: { projectSlug: string; runId: string }) => void },
    label: string,
  ) => (
    <button
      type="button"
      className={secondaryButtonClass}
      onClick={() => action.mutate({ projectSlug, runId })}
    >
      {label}
    </button>
  );
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <StatusBadge status={r.status} />
          <Progress run={r} />
          {r.status === "planning" || r.status === "running" ? control(pause, "Pause") : null}
          {r.status === "paused" || r.status === "failed" ? control(resume, "Resume") : null}
          {r.status !== "done" && r.status !== "cancelled" && r.status !== "finishing"
            ? control(cancel, "Cancel")
            : null}
        </div>
        {r.skippedStages.length ? (
          <ul className="space-y-1 text-sm text-amber-800 dark:text-amber-300" aria-label="Stages left out">
            {r.skippedStages.map((s) => (
              <li key={s.stage}>
                <strong>{s.stage}</strong> left out: {s.reason}
              </li>
            ))}
          </ul>
        ) : null}
        <ErrorMessage>
          {r.error ?? pause.error?.message ?? resume.error?.message ?? cancel.error?.message}
        </ErrorMessage>
      </div>
      {r.status === "done" && r.summary ? (
        <DoneRun run={r} projectSlug={projectSlug} />
      ) : r.progress.itemsDone > 0 ? (
        <section aria-labelledby="funnel-so-far" className="space-y-2">
          <h2 id="funnel-so-far" className="text-base font-semibold">
            Funnel so far
          </h2>
          <FunnelTable total={r.progress.itemsDone} funnel={r.funnel} projected={null} />
        </section>
      ) : null}
    </div>
  );
}

function Progress({ run }: { run: CurationRun }) {
  const p = run.progress;
  const total = p.itemsTotal;
  return (
    <>
      {total !== null && total > 0 ? (
        <progress className="h-2 w-48" max={total} value={p.itemsDone} aria-label="Items decided" />
      ) : null}
      <span className="tabular-nums" aria-label="Progress">
        {formatCount(p.itemsDone)} of {total === null ? "…" : formatCount(total)} items · {p.shardsDone} of{" "}
        {p.shardsPlanned}
        {run.status === "planning" ? "+" : ""} shards
        {p.itemsPerSecond !== null ? ` · ${p.itemsPerSecond.toFixed(1)} items/s` : ""}
        {ACTIVE.has(run.status) && p.etaSeconds !== null ? ` · ${formatEta(p.etaSeconds)} left` : ""}
      </span>
    </>
  );
}

function DoneRun({ run, projectSlug }: { run: CurationRun; projectSlug: string }) {
  const trpc = useTRPC();
  const summary = run.summary!;
  const [edits, setEdits] = useState<ThresholdEdits>({});
  const [applied, setApplied] = useState<StageChanges | null>(null);
  const { changes, invalid } = changesOf(edits);
  const projection = useQuery({
    ...trpc.curation.projectFunnel.queryOptions({ projectSlug, runId: run.id, changes: applied ?? {} }),
    enabled: applied !== null,
  });
  const audits = useQuery({
    ...trpc.curationAudits.list.queryOptions({ projectSlug, runId: run.id }),
    // Faster while a sample is being prepared; answers come in more slowly.
    refetchInterval: (q) => (q.state.data?.some((a) => a.status === "preparing") ? 1500 : 10_000),
  });
  const latestAudit = audits.data?.find((a) => a.status === "open") ?? null;
  const thresholdScores = [...new Set(run.stageSettings.flatMap((s) => s.thresholds.map((t) => t.score)))];
  const total = summary.tally.items;
  const projected = applied !== null && projection.data ? projection.data.funnel : null;
  return (
    <>
      <section aria-labelledby="funnel" className="space-y-3">
        <h2 id="funnel" className="text-base font-semibold">
          Funnel: {formatCount(summary.kept)} of {formatCount(total)}{" "}
          {run.definition.media === "video" ? "videos" : "items"} kept
          {projected ? ` · projected ${formatCount(projection.data!.kept)}` : ""}
        </h2>
        <FunnelChart total={total} funnel={run.funnel} projected={projected} />
        <FunnelTable
          total={total}
          funnel={run.funnel}
          projected={projected}
          audit={latestAudit && new Map(latestAudit.groups.map((g) => [g.group, g]))}
        />
        {projected && run.summary?.dedup ? (
          <p className={hintClass}>
            Projected near-duplicate removal keeps a copy whose cluster&rsquo;s kept item the new thresholds
            drop, so it is an upper bound on what survives.
          </p>
        ) : null}
        <ErrorMessage>{projection.error?.message}</ErrorMessage>
        {summary.clips ? (
          <p className="text-sm" data-testid="clips-summary">
            {formatCount(summary.clips.count)} clips cut from the kept videos at their scene cuts,{" "}
            {summary.clips.seconds.toFixed(1)} s in all.
          </p>
        ) : null}
        {summary.concepts ? <ConceptSummary concepts={summary.concepts} /> : null}
        <Downloads run={run} projectSlug={projectSlug} />
      </section>
      <ThresholdPanel
        settings={run.stageSettings}
        histograms={summary.histograms}
        edits={edits}
        onEdit={(stage, option, value) =>
          setEdits((e) => ({ ...e, [stage]: { ...(e[stage] ?? {}), [option]: value } }))
        }
        changes={changes}
        onProject={() => setApplied(changes)}
        onReset={() => {
          setEdits({});
          setApplied(null);
        }}
        projecting={applied !== null && projection.isFetching}
        invalid={invalid}
      />
      <AuditPanel projectSlug={projectSlug} runId={run.id} audits={audits.data ?? []} funnel={run.funnel} />
      <SampleGallery samples={summary.samples} funnel={run.funnel} thresholdScores={thresholdScores} />
      {summary.dedup ? (
        <DuplicateClusters
          clusters={summary.clusters}
          maxDistance={summary.dedup.maxDistance}
          thresholdScores={thresholdScores}
        />
      ) : null}
    </>
  );
}

/** The concept pass: how the kept items cluster, and what the sampling weights are. */
function ConceptSummary({ concepts }: { concepts: NonNullable<CurationSummaryView["concepts"]> }) {
  const shown = concepts.sizes.slice(0, 12);
  return (
    <p className="text-sm" data-testid="concepts-summary">
      {formatCount(concepts.clusters)} concept clusters of the kept items (largest first:{" "}
      {shown.map(formatCount).join(", ")}
      {concepts.sizes.length > shown.length ? ", …" : ""}). Each kept item carries its{" "}
      <code>concept_cluster</code> and <code>sampling_weight</code> = 1/√(cluster size), to sample rare
      concepts more often.
      {concepts.dedupSimilarity !== null
        ? ` ${formatCount(concepts.removed)} embedding near-duplicates (cosine similarity ≥ ${concepts.dedupSimilarity}) were removed.`
        : ""}
    </p>
  );
}

function Downloads({ run, projectSlug }: { run: CurationRun; projectSlug: string }) {
  const outputs = run.outputs;
  if (!outputs) return null;
  const files = [
    { key: "kept", label: "Kept set", output: outputs.kept },
    { key: "dropped", label: "Dropped set with reasons", output: outputs.dropped },
    ...(outputs.duplicates
      ? [{ key: "duplicates", label: "Near-duplicates", output: outputs.duplicates }]
      : []),
    ...(outputs.semanticDuplicates
      ? [
          {
            key: "semantic-duplicates",
            label: "Embedding near-duplicates",
            output: outputs.semanticDuplicates,
          },
        ]
      : []),
    ...outputs.webdataset.map((shard, n) => ({
      key: shard.fileName.replace(/\.tar$/, ""),
      label: `WebDataset shard ${n}`,
      output: shard,
    })),
    ...(outputs.clips ?? []).map((shard, n) => ({
      key: shard.fileName.replace(/\.tar$/, ""),
      label: `Clips shard ${n}`,
      output: shard,
    })),
  ];
  return (
    <ul className="flex flex-wrap gap-4 text-sm" aria-label="Downloads">
      {files.map((f) => (
        <li key={f.key}>
          <a href={curationDownloadHref(projectSlug, run.id, f.key)} className={linkClass} download>
            {f.label}
          </a>{" "}
          <span className="text-zinc-500">
            ({f.output.fileName}, {formatCount(f.output.rows)}{" "}
            {f.output.format === "tar" ? (f.key.startsWith("clips") ? "clips" : "samples") : "rows"})
          </span>
        </li>
      ))}
    </ul>
  );
}
