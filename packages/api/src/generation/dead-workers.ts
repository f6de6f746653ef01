/**
 * Handing the chunks of a dead worker to the living. graphile-worker keeps a job locked by the
 * worker that took it for hours (it cannot tell a slow worker from a dead one); a generation
 * chunk beats a heartbeat, so one whose heartbeat is older than `staleAfterMs` belonged to a
 * worker that crashed, was killed or lost its machine. Its lock is released (graphile-worker's
 * own `force_unlock_workers`), the chunk goes back to pending, and the next free worker reruns
 * it — skipping every item that was already stored.
 *
 * Every worker runs this sweep now and then; running it twice at once is harmless.
 */
import type { Db } from "@loupe/db";

export async function releaseChunksOfDeadWorkers(db: Db, staleAfterMs: number): Promise<string[]> {
  const dead = await db.$queryRaw<{ workerId: string | null }[]>`
    WITH stale AS (
      SELECT "jobId", "index", "workerId" FROM "GenerationChunk"
      WHERE status = 'running' AND "heartbeatAt" < now() - make_interval(secs => ${staleAfterMs / 1000})
      FOR UPDATE SKIP LOCKED
    ), released AS (
      UPDATE "GenerationChunk" c SET status = 'pending', "workerId" = NULL
      FROM stale WHERE c."jobId" = stale."jobId" AND c."index" = stale."index"
    )
    SELECT DISTINCT "workerId" FROM stale`;
  // A worker that died between taking a chunk's job and claiming the chunk left no heartbeat:
  // its job is locked while the chunk is still pending, which a live worker never is for long.
  const unclaimed = await db.$queryRaw<{ workerId: string }[]>`
    SELECT DISTINCT j.locked_by AS "workerId" FROM graphile_worker.jobs j
    JOIN "GenerationChunk" c ON j.key = 'generation:' || c."jobId" || ':' || c."index"
    WHERE j.task_identifier = 'generation.chunk' AND j.locked_by IS NOT NULL
      AND j.locked_at < now() - make_interval(secs => ${staleAfterMs / 1000}) AND c.status = 'pending'`;
  const workerIds = [
    ...new Set([...dead.map((d) => d.workerId), ...unclaimed.map((u) => u.workerId)]),
  ].filter((id): id is string => id !== null);
  if (workerIds.length > 0)
    await db.$executeRaw`SELECT graphile_worker.force_unlock_workers(${workerIds}::text[])`;
  return workerIds;
}
