/**
 * Cancelling and resuming an evaluation run. Cancel stops new chunks (running ones finish their
 * chunk); resume queues every chunk not done — and the summary if none is left — so a run whose
 * worker crashed, or whose summary failed, finishes without redoing what was written.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@loupe/db";
import { enqueueEvaluationChunks, enqueueEvaluationSummary } from "./enqueue";

export async function cancelEvaluationRun(db: Db, projectId: string, runId: string) {
  const { count } = await db.evaluationRun.updateMany({
    where: { id: runId, projectId, status: { in: ["queued", "running"] } },
    data: { status: "cancelled", finishedAt: new Date() },
  });
  if (count === 0)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Only a queued or running evaluation can be cancelled.",
    });
  // Chunks not yet started leave the queue (remove_job spares locked ones, which finish their chunk).
  await db.$executeRaw`SELECT graphile_worker.remove_job(k)
    FROM unnest(ARRAY(SELECT 'evaluation:' || ${runId} || ':' || "index" FROM "EvaluationChunk"
                      WHERE "runId" = ${runId} AND status = 'pending')) AS k`;
}

export async function resumeEvaluationRun(db: Db, projectId: string, runId: string) {
  const run = await db.evaluationRun.findFirst({ where: { id: runId, projectId } });
  if (!run) throw new TRPCError({ code: "NOT_FOUND", message: "No such evaluation run in this project." });
  if (run.status === "done")
    throw new TRPCError({ code: "BAD_REQUEST", message: "This evaluation is done." });
  const pending = await db.evaluationChunk.findMany({
    where: { runId, status: "pending" },
    select: { index: true },
  });
  await db.evaluationRun.update({
    where: { id: runId },
    data: { status: "running", finishedAt: null, error: null },
  });
  if (pending.length)
    await enqueueEvaluationChunks(
      db,
      runId,
      pending.map((c) => c.index),
    );
  else await enqueueEvaluationSummary(db, runId);
  return { chunks: pending.length };
}
