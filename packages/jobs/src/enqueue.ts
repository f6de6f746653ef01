import type { Db, Prisma } from "@loupe/db";
import type { JobDefinition, JobPayload } from "./define";

/**
 * Record a JobRun (what the Jobs page shows) and add the graphile-worker job that executes it,
 * in one transaction: a job is never queued without its record or recorded without being queued.
 * The graphile job key is the JobRun id, so adding twice cannot run twice.
 */
export async function enqueueJob<D extends JobDefinition>(
  db: Db,
  def: D,
  payload: JobPayload<D>,
  opts: { projectId?: string | null } = {},
) {
  const data = def.payload.parse(payload) as Prisma.InputJsonObject;
  return db.$transaction(async (tx) => {
    const run = await tx.jobRun.create({
      data: { task: def.name, payload: data, projectId: opts.projectId ?? null },
    });
    await tx.$executeRaw`SELECT graphile_worker.add_job(
      ${def.name}::text,
      ${JSON.stringify({ jobRunId: run.id, payload: data })}::json,
      max_attempts => ${def.maxAttempts}::int,
      job_key => ${run.id}::text
    )`;
    return run;
  });
}

export async function listJobRuns(db: Db, projectId: string, take: number) {
  return db.jobRun.findMany({ where: { projectId }, orderBy: { createdAt: "desc" }, take });
}
