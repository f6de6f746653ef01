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

/** A chunk whose heartbeat is older than this belonged to a dead worker (12 missed beats). */
export const DEFAULT_DEAD_AFTER_MS = 60_000;

/**
 * graphile-worker's lock holder is the worker *process* (its pool id, shared by every job it runs
 * at once), and `force_unlock_workers` frees all of that process's jobs. So a worker is declared
 * dead only when none of its chunks has beaten recently: one chunk stuck in a live worker never
 * takes the others away from it.
 */
export async function releaseChunksOfDeadWorkers(db: Db, staleAfterMs: number): Promise<string[]> {
  const dead = await db.$queryRaw<{ workerId: string | null }[]>`
    WITH stale AS (
      SELECT c."jobId", c."index", c."workerId" FROM "GenerationChunk" c
      WHERE c.status = 'running' AND c."heartbeatAt" < now() - make_interval(secs => ${staleAfterMs / 1000})
        AND NOT EXISTS (
          SELECT 1 FROM "GenerationChunk" alive
          WHERE alive."workerId" = c."workerId" AND alive.status = 'running'
            AND alive."heartbeatAt" >= now() - make_interval(secs => ${staleAfterMs / 1000}))
      FOR UPDATE OF c SKIP LOCKED
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
      AND j.locked_at < now() - make_interval(secs => ${staleAfterMs / 1000}) AND c.status = 'pending'
      AND NOT EXISTS (
        SELECT 1 FROM "GenerationChunk" alive
        WHERE alive."workerId" = j.locked_by AND alive.status = 'running'
          AND alive."heartbeatAt" >= now() - make_interval(secs => ${staleAfterMs / 1000}))`;
  const workerIds = [
    ...new Set([...dead.map((d) => d.workerId), ...unclaimed.map((u) => u.workerId)]),
  ].filter((id): id is string => id !== null);
  if (workerIds.length > 0)
    await db.$executeRaw`SELECT graphile_worker.force_unlock_workers(${workerIds}::text[])`;
  return workerIds;
}
