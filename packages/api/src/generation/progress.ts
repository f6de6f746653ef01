/**
 * What a generation job looks like from outside: done, failed, total, rate and ETA, its chunks,
 * and the failures with the adapter's error. "Done" counts the outputs that exist for the job's
 * items — whichever run or job made them — so a rerun that finds everything reads 100% at once.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@loupe/db";
import { adapterOf } from "../models/service";

export type GenerationProgress = {
  done: number;
  failed: number;
  total: number;
  /**
   * Outputs per second over the last minute of this job's own work (null before any), measured
   * between its outputs' own timestamps, so no two machines' clocks are compared.
   */
  perSecond: number | null;
  /** Seconds to finish at that rate (null when unknown or finished). */
  etaSeconds: number | null;
};

/** The outputs that exist for the job's (prompt, seed) items, with its parameters. */
async function producedCount(
  db: Db,
  job: { id: string; modelId: string; promptSetId: string; seeds: bigint[]; paramsHash: string },
) {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Output" o JOIN "Prompt" p ON p.id = o."promptId"
    WHERE o."modelId" = ${job.modelId} AND o."paramsHash" = ${job.paramsHash}
      AND p."promptSetId" = ${job.promptSetId} AND o.seed = ANY(${job.seeds})`;
  return rows[0]?.n ?? 0;
}

async function recentRate(db: Db, jobId: string): Promise<number | null> {
  const rows = await db.$queryRaw<{ n: number; first: Date | null; last: Date | null }[]>`
    SELECT count(*)::int AS n, min("createdAt") AS first, max("createdAt") AS last FROM "Output"
    WHERE "generationJobId" = ${jobId}
      AND "createdAt" > (SELECT max("createdAt") FROM "Output" WHERE "generationJobId" = ${jobId}) - interval '60 seconds'`;
  const r = rows[0];
  if (!r || r.n < 2 || !r.first || !r.last) return null;
  const seconds = (r.last.getTime() - r.first.getTime()) / 1000;
  return seconds > 0 ? (r.n - 1) / seconds : null;
}

export async function generationProgress(
  db: Db,
  job: {
    id: string;
    modelId: string;
    promptSetId: string;
    seeds: bigint[];
    paramsHash: string;
    total: number;
    status: string;
  },
): Promise<GenerationProgress> {
  const [done, failed, perSecond] = await Promise.all([
    producedCount(db, job),
    db.generationFailure.count({ where: { jobId: job.id } }),
    job.status === "running" ? recentRate(db, job.id) : Promise.resolve(null),
  ]);
  const remaining = Math.max(0, job.total - done - failed);
  return {
    done,
    failed,
    total: job.total,
    perSecond,
    etaSeconds: perSecond && remaining > 0 ? Math.round(remaining / perSecond) : null,
  };
}

export async function listGenerationJobs(db: Db, projectId: string) {
  const jobs = await db.generationJob.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { model: { select: { name: true } }, promptSet: { select: { name: true } } },
  });
  return Promise.all(
    jobs.map(async (job) => ({
      id: job.id,
      model: job.model.name,
      promptSet: job.promptSet.name,
      seeds: job.seeds.length,
      status: job.status,
      createdAt: job.createdAt,
      finishedAt: job.finishedAt,
      progress: await generationProgress(db, job),
    })),
  );
}

export async function getGenerationJob(db: Db, projectId: string, jobId: string) {
  const job = await db.generationJob.findFirst({
    where: { id: jobId, projectId },
    include: {
      model: { select: { id: true, name: true, config: true } },
      promptSet: { select: { id: true, name: true } },
    },
  });
  if (!job) throw new TRPCError({ code: "NOT_FOUND", message: "No such generation job in this project." });
  const [progress, failures, chunks] = await Promise.all([
    generationProgress(db, job),
    db.$queryRaw<
      {
        promptId: string;
        externalId: string;
        text: string;
        seed: bigint;
        error: string;
        attempts: number;
        workerHost: string;
        createdAt: Date;
      }[]
    >`
      SELECT f."promptId", p."externalId", p.text, f.seed, f.error, f.attempts, f."workerHost", f."createdAt"
      FROM "GenerationFailure" f JOIN "Prompt" p ON p.id = f."promptId"
      WHERE f."jobId" = ${job.id} ORDER BY p.position, f.seed LIMIT 500`,
    db.generationChunk.groupBy({ by: ["status"], where: { jobId: job.id }, _count: true }),
  ]);
  const adapter = adapterOf(job.model)?.kind ?? null;
  return {
    id: job.id,
    status: job.status,
    model: { id: job.model.id, name: job.model.name, adapter },
    promptSet: job.promptSet,
    seeds: job.seeds.map(String),
    params: job.params,
    chunkSize: job.chunkSize,
    chunks: Object.fromEntries(chunks.map((c) => [c.status, c._count])) as Partial<
      Record<"pending" | "running" | "done", number>
    >,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    progress,
    failures: failures.map((f) => ({
      promptId: f.externalId,
      prompt: f.text,
      seed: f.seed.toString(),
      error: f.error,
      attempts: f.attempts,
      workerHost: f.workerHost,
      at: f.createdAt,
    })),
  };
}
