/**
 * Queueing an evaluation run's chunks (job key per chunk, so a resume racing a retry runs a chunk
 * once) and its final summary.
 */
import type { Db, Prisma } from "@loupe/db";
import { jobDefinitions } from "@loupe/jobs";

export async function enqueueEvaluationChunks(
  db: Db | Prisma.TransactionClient,
  runId: string,
  indexes: readonly number[],
) {
  if (indexes.length === 0) return;
  const def = jobDefinitions.evaluateChunk;
  const specs = indexes.map((index) => ({
    identifier: def.name,
    payload: def.payload.parse({ runId, chunk: index }),
    job_key: `evaluation:${runId}:${index}`,
    max_attempts: def.maxAttempts,
  }));
  await db.$executeRaw`SELECT graphile_worker.add_jobs(
    ARRAY(SELECT json_populate_recordset(NULL::graphile_worker.job_spec, ${JSON.stringify(specs)}::json))
  )`;
}

export async function enqueueEvaluationSummary(db: Db | Prisma.TransactionClient, runId: string) {
  const def = jobDefinitions.summarizeEvaluation;
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${def.name}, ${JSON.stringify(def.payload.parse({ runId }))}::json,
    job_key => ${`evaluation-summary:${runId}`}, max_attempts => ${def.maxAttempts}::int
  )`;
}
