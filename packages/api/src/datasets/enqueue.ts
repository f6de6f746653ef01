/** Queueing an export's build (job key per export, so a double click builds it once). */
import type { Db, Prisma } from "@loupe/db";
import { jobDefinitions } from "@loupe/jobs";

export async function enqueueDatasetExport(db: Db | Prisma.TransactionClient, exportId: string) {
  const def = jobDefinitions.buildDatasetExport;
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${def.name}, ${JSON.stringify(def.payload.parse({ exportId }))}::json,
    job_key => ${`dataset-export:${exportId}`}, max_attempts => ${def.maxAttempts}::int
  )`;
}
