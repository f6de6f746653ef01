/** Listing and reading evaluation runs: progress while they run, the summary when done. */
import { TRPCError } from "@trpc/server";
import type { Db } from "@loupe/db";
import { metricsOfRun } from "./config";
import type { EvaluationSummary } from "./summary";

async function chunkProgress(db: Db, runIds: string[]) {
  const rows = await db.evaluationChunk.groupBy({
    by: ["runId"],
    where: { runId: { in: runIds }, status: "done" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.runId, r._count._all]));
}

export async function listEvaluationRuns(
  db: Db,
  projectId: string,
  filter: { scope?: string; scopeId?: string } = {},
) {
  const runs = await db.evaluationRun.findMany({
    where: {
      projectId,
      ...(filter.scope ? { scope: filter.scope } : {}),
      ...(filter.scopeId ? { scopeId: filter.scopeId } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  const done = await chunkProgress(
    db,
    runs.map((r) => r.id),
  );
  return runs.map((run) => ({
    id: run.id,
    scope: run.scope,
    scopeId: run.scopeId,
    status: run.status,
    metrics: metricsOfRun(run.config).map((m) => m.key),
    total: run.total,
    chunksDone: done.get(run.id) ?? 0,
    chunkCount: run.chunkCount,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    error: run.error,
  }));
}

export const FAILURES_SHOWN = 200;

export async function getEvaluationRun(db: Db, projectId: string, runId: string) {
  const run = await db.evaluationRun.findFirst({ where: { id: runId, projectId } });
  if (!run) throw new TRPCError({ code: "NOT_FOUND", message: "No such evaluation run in this project." });
  const done = (await chunkProgress(db, [run.id])).get(run.id) ?? 0;
  const failed = { runId, error: { not: null } };
  const failureCount = await db.metricValue.count({ where: failed });
  // The first FAILURES_SHOWN, in a stable order; failureCount says how many there are in all.
  const failures = await db.metricValue.findMany({
    where: failed,
    orderBy: [{ metric: "asc" }, { outputId: "asc" }],
    select: {
      metric: true,
      outputId: true,
      error: true,
      output: { select: { model: { select: { name: true } }, prompt: { select: { text: true } } } },
    },
    take: FAILURES_SHOWN,
  });
  return {
    id: run.id,
    scope: run.scope,
    scopeId: run.scopeId,
    status: run.status,
    metrics: metricsOfRun(run.config),
    total: run.total,
    chunksDone: done,
    chunkCount: run.chunkCount,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: run.error,
    summary: (run.summary ?? null) as EvaluationSummary | null,
    failureCount,
    failures: failures.map((f) => ({
      metric: f.metric,
      outputId: f.outputId,
      model: f.output.model.name,
      prompt: f.output.prompt.text,
      error: f.error!,
    })),
  };
}
