/**
 * A curation run as its page and the CLI show it: status, live progress (shards and items done,
 * items per second since it started, the time left at that pace), the funnel so far from the
 * decided shards (the final one, with near-duplicate removal, once done), and its outputs.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@loupe/db";
import {
  funnelOf,
  mergeTallies,
  parsePipeline,
  runOrder,
  type DecisionTally,
  type FunnelStep,
  type SkippedStage,
} from "@loupe/curation";
import type { CurationOutputs, CurationSample, CurationSummary } from "./summary";

export type CurationProgress = {
  shardsDone: number;
  /** Shards written so far (all of them once planning is over). */
  shardsPlanned: number;
  itemsDone: number;
  /** Items in the run; null while planning has not read the whole source. */
  itemsTotal: number | null;
  itemsPerSecond: number | null;
  /** Seconds left at the pace so far; null when unknown. */
  etaSeconds: number | null;
};

/** A gallery item as the page gets it: its thumbnail as an expiring URL. */
export type CurationSampleView = Omit<CurationSample, "thumbnailSha256"> & { thumbnailUrl: string | null };

export type ThumbnailUrls = (sha256: string) => string;

export async function getCurationRun(
  db: Db,
  projectId: string,
  runId: string,
  opts: { thumbnailUrl?: ThumbnailUrls; now?: Date } = {},
) {
  const now = opts.now ?? new Date();
  const run = await db.curationRun.findFirst({ where: { id: runId, projectId } });
  if (!run) throw new TRPCError({ code: "NOT_FOUND", message: "No such curation run in this project." });
  const summary = run.summary as CurationSummary | null;
  // Counted in the database: a run of a million items has a thousand shards, and the page polls.
  const done = await db.curationShard.aggregate({
    where: { runId, status: "done" },
    _count: true,
    _sum: { itemCount: true },
  });
  const itemsDone = done._sum.itemCount ?? 0;
  const seconds = run.startedAt ? ((run.finishedAt ?? now).getTime() - run.startedAt.getTime()) / 1000 : 0;
  const itemsPerSecond = seconds > 0 && itemsDone > 0 ? itemsDone / seconds : null;
  const progress: CurationProgress = {
    shardsDone: done._count,
    shardsPlanned: run.shardCount ?? (await db.curationShard.count({ where: { runId } })),
    itemsDone,
    itemsTotal: run.total,
    itemsPerSecond,
    etaSeconds:
      run.total !== null && itemsPerSecond ? Math.max(0, (run.total - itemsDone) / itemsPerSecond) : null,
  };
  const pipeline = parsePipeline(run.definition);
  const ordered = runOrder(pipeline.stages);
  const stages = ordered.map((s) => ({ id: s.stage.id, label: s.stage.label }));
  // A finished run's funnel is in its summary; until then it is merged from the decided shards'
  // tallies, which only then are read.
  const funnel: FunnelStep[] =
    summary?.funnel ?? funnelOf(mergeTallies(await doneTallies(db, runId)), stages);
  const view = ({ thumbnailSha256, ...rest }: CurationSample): CurationSampleView => ({
    ...rest,
    thumbnailUrl: thumbnailSha256 && opts.thumbnailUrl ? opts.thumbnailUrl(thumbnailSha256) : null,
  });
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    definition: pipeline.definition,
    stages,
    /** Each stage's options and which of them are thresholds on which score (for the histograms and projections). */
    stageSettings: ordered.map(({ stage, config }) => ({
      id: stage.id,
      label: stage.label,
      config: config as Record<string, unknown>,
      thresholds: stage.thresholds.map((t) => ({ ...t, score: `${stage.id}.${t.score}` })),
    })),
    shardSize: run.shardSize,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: run.error,
    /** Model stages left out because their model is not registered, and why. */
    skippedStages: run.skippedStages as SkippedStage[],
    progress,
    funnel,
    summary: summary && {
      tally: summary.tally,
      dedup: summary.dedup,
      kept: summary.kept,
      histograms: summary.histograms,
      samples: {
        kept: summary.samples.kept.map(view),
        removed: Object.fromEntries(
          Object.entries(summary.samples.removed).map(([k, v]) => [k, v.map(view)]),
        ),
      },
      clips: summary.clips ?? null,
      concepts: summary.concepts ?? null,
      clusters: summary.clusters.map((c) => ({
        size: c.size,
        kept: view(c.kept),
        duplicates: c.duplicates.map((d) => ({ ...view(d), distance: d.distance })),
      })),
    },
    outputs: run.outputs as CurationOutputs | null,
  };
}

export type CurationRunView = Awaited<ReturnType<typeof getCurationRun>>;

export function listCurationRuns(db: Db, projectId: string) {
  return db.curationRun.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      status: true,
      total: true,
      kept: true,
      createdAt: true,
      finishedAt: true,
      error: true,
    },
  });
}

async function doneTallies(db: Db, runId: string): Promise<DecisionTally[]> {
  const shards = await db.curationShard.findMany({
    where: { runId, status: "done" },
    select: { tally: true },
  });
  return shards.map((s) => s.tally as unknown as DecisionTally);
}
