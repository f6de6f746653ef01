/**
 * Cancelling and resuming a generation job. Cancel is a flag the chunks read between items (and
 * poll while an item runs, aborting its call); what was produced stays. Resume queues every chunk
 * again: each skips the items that have an output, so it fills exactly what is missing — the
 * cancelled remainder and the items that failed.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@loupe/db";
import { writeAudit } from "../audit/log";
import { DEFAULT_DEAD_AFTER_MS } from "./dead-workers";
import { enqueueChunks } from "./enqueue-chunks";

async function jobIn(db: Db, projectId: string, jobId: string) {
  const job = await db.generationJob.findFirst({ where: { id: jobId, projectId } });
  if (!job) throw new TRPCError({ code: "NOT_FOUND", message: "No such generation job in this project." });
  return job;
}

/** Who did it, for the audit log: a signed-in user or an API key. */
export type Actor = { userId?: string; apiKeyId?: string };

export async function cancelGenerationJob(db: Db, projectId: string, jobId: string, actor: Actor = {}) {
  const job = await jobIn(db, projectId, jobId);
  if (job.status === "done" || job.status === "cancelled") return { status: job.status };
  await db.$transaction(async (tx) => {
    await tx.generationJob.update({
      where: { id: job.id },
      data: { status: "cancelled", finishedAt: new Date() },
    });
    // Chunks not yet started are dropped from the queue; running ones stop at their next check.
    await tx.$executeRaw`SELECT graphile_worker.remove_job(k)
      FROM unnest(ARRAY(SELECT 'generation:' || ${job.id} || ':' || "index" FROM "GenerationChunk"
                        WHERE "jobId" = ${job.id} AND status = 'pending')) AS k`;
    await writeAudit(tx, {
      projectId,
      actorUserId: actor.userId,
      actorApiKeyId: actor.apiKeyId,
      action: "generation.cancel",
      targetType: "GenerationJob",
      targetId: job.id,
    });
  });
  return { status: "cancelled" as const };
}

export async function resumeGenerationJob(db: Db, projectId: string, jobId: string, actor: Actor = {}) {
  const job = await jobIn(db, projectId, jobId);
  if (job.status === "queued" || job.status === "running")
    throw new TRPCError({ code: "CONFLICT", message: "This job is still running." });
  // A cancelled run's chunks stop at their next heartbeat; queueing them again before that would
  // start a second copy beside the one still stopping.
  const stopping = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "GenerationChunk"
    WHERE "jobId" = ${job.id} AND status = 'running'
      AND "heartbeatAt" >= now() - make_interval(secs => ${DEFAULT_DEAD_AFTER_MS / 1000})`;
  if ((stopping[0]?.n ?? 0) > 0)
    throw new TRPCError({
      code: "CONFLICT",
      message: "Some chunks of this job are still stopping; resume it again in a few seconds.",
    });
  await db.$transaction(
    async (tx) => {
      await tx.generationJob.update({ where: { id: job.id }, data: { status: "queued", finishedAt: null } });
      await tx.generationChunk.updateMany({
        where: { jobId: job.id },
        data: { status: "pending", finishedAt: null, workerId: null, heartbeatAt: null },
      });
      await enqueueChunks(
        tx,
        job.id,
        Array.from({ length: job.chunkCount }, (_, i) => i),
      );
      await writeAudit(tx, {
        projectId,
        actorUserId: actor.userId,
        actorApiKeyId: actor.apiKeyId,
        action: "generation.resume",
        targetType: "GenerationJob",
        targetId: job.id,
      });
    },
    { timeout: 120_000 },
  );
  return { status: "queued" as const };
}
