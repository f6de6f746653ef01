/**
 * Queueing a curation run's jobs. Each has a job key (the run, and the shard), so a resume racing
 * a retry, or two shards finishing at once, queue a job once.
 */
import type { Db, Prisma } from "@loupe/db";
import { jobDefinitions } from "@loupe/jobs";

type Queue = Db | Prisma.TransactionClient;

export const shardJobKey = (runId: string, index: number) => `curation:${runId}:${index}`;

export async function enqueueCurationPlan(db: Queue, runId: string) {
  const def = jobDefinitions.planCurationRun;
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${def.name}, ${JSON.stringify(def.payload.parse({ runId }))}::json,
    job_key => ${`curation-plan:${runId}`}, max_attempts => ${def.maxAttempts}::int
  )`;
}

export async function enqueueCurationShards(db: Queue, runId: string, indexes: readonly number[]) {
  if (indexes.length === 0) return;
  const def = jobDefinitions.curateShard;
  const specs = indexes.map((index) => ({
    identifier: def.name,
    payload: def.payload.parse({ runId, shard: index }),
    job_key: shardJobKey(runId, index),
    max_attempts: def.maxAttempts,
  }));
  await db.$executeRaw`SELECT graphile_worker.add_jobs(
    ARRAY(SELECT json_populate_recordset(NULL::graphile_worker.job_spec, ${JSON.stringify(specs)}::json))
  )`;
}

export async function enqueueCurationFinish(db: Queue, runId: string) {
  const def = jobDefinitions.finishCurationRun;
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${def.name}, ${JSON.stringify(def.payload.parse({ runId }))}::json,
    job_key => ${`curation-finish:${runId}`}, max_attempts => ${def.maxAttempts}::int
  )`;
}

/** Takes the run's queued (not yet locked) jobs off the queue; running ones finish their shard. */
export async function dequeueCurationJobs(db: Queue, runId: string) {
  await db.$executeRaw`SELECT graphile_worker.remove_job(k)
    FROM unnest(ARRAY(SELECT 'curation:' || ${runId} || ':' || "index" FROM "CurationShard"
                      WHERE "runId" = ${runId} AND status = 'pending')
                || ARRAY['curation-plan:' || ${runId}, 'curation-finish:' || ${runId}]) AS k`;
}
