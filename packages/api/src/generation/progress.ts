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

/**
 * Progress of several jobs in one statement (the jobs list polls every few seconds): per job, the
 * outputs that exist for its (prompt, seed) items with its parameters, its recorded failures, and
 * its rate over the last minute of its own outputs (running jobs only).
 */
export async function progressOfJobs(
  db: Db,
  jobIds: readonly string[],
): Promise<Map<string, GenerationProgress>> {
  if (jobIds.length === 0) return new Map();
  const rows = await db.$queryRaw<
    { id: string; total: number; done: number; failed: number; recent: number; span: number | null }[]
  >`
    SELECT j.id, j.total,
      (SELECT count(*)::int FROM "Output" o JOIN "Prompt" p ON p.id = o."promptId"
        WHERE o."modelId" = j."modelId" AND o."paramsHash" = j."paramsHash"
          AND p."promptSetId" = j."promptSetId" AND o.seed = ANY(j.seeds)) AS done,
      (SELECT count(*)::int FROM "GenerationFailure" f WHERE f."jobId" = j.id) AS failed,
      COALESCE(r.n, 0)::int AS recent, r.span
    FROM "GenerationJob" j
    LEFT JOIN LATERAL (
      SELECT count(*) AS n, extract(epoch FROM max(o."createdAt") - min(o."createdAt"))::float8 AS span
      FROM "Output" o
      WHERE j.status = 'running' AND o."generationJobId" = j.id
        AND o."createdAt" > (SELECT max("createdAt") FROM "Output" WHERE "generationJobId" = j.id) - interval '60 seconds'
    ) r ON true
    WHERE j.id = ANY(${[...jobIds]}::text[])`;
  return new Map(
    rows.map((r) => {
      // Too few outputs, or too short a span (parallel lanes finish together), says nothing yet.
      const perSecond = r.recent >= 3 && r.span !== null && r.span >= 1 ? (r.recent - 1) / r.span : null;
      const remaining = Math.max(0, r.total - r.done - r.failed);
      return [
        r.id,
        {
          done: r.done,
          failed: r.failed,
          total: r.total,
          perSecond,
          etaSeconds: perSecond && remaining > 0 ? Math.round(remaining / perSecond) : null,
        },
      ];
    }),
  );
}

export async function listGenerationJobs(db: Db, projectId: string) {
  const jobs = await db.generationJob.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { model: { select: { name: true } }, promptSet: { select: { name: true } } },
  });
  const progress = await progressOfJobs(
    db,
    jobs.map((j) => j.id),
  );
  return jobs.map((job) => ({
    id: job.id,
    model: job.model.name,
    promptSet: job.promptSet.name,
    seeds: job.seeds.length,
    status: job.status,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    progress: progress.get(job.id)!,
  }));
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
    progressOfJobs(db, [job.id]).then((p) => p.get(job.id)!),
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
