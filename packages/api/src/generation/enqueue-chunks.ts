/**
 * Queueing a generation job's chunks as graphile-worker jobs, one per chunk, keyed
 * `generation:<job>:<chunk>` so queueing a chunk twice (a resume racing a retry) runs it once.
 * These are not JobRuns: the generation job itself is what people follow.
 */
import type { Db, Prisma } from "@loupe/db";
import { jobDefinitions } from "@loupe/jobs";

export const chunkJobKey = (jobId: string, index: number) => `generation:${jobId}:${index}`;

export async function enqueueChunks(
  db: Db | Prisma.TransactionClient,
  jobId: string,
  indexes: readonly number[],
) {
  if (indexes.length === 0) return;
  const def = jobDefinitions.generateChunk;
  const specs = indexes.map((index) => ({
    identifier: def.name,
    payload: def.payload.parse({ jobId, chunk: index }),
    job_key: chunkJobKey(jobId, index),
    max_attempts: def.maxAttempts,
  }));
  await db.$executeRaw`SELECT graphile_worker.add_jobs(
    ARRAY(SELECT json_populate_recordset(NULL::graphile_worker.job_spec, ${JSON.stringify(specs)}::json))
  )`;
}
