/**
 * The job runner: graphile-worker on the same PostgreSQL as everything else, so any number of
 * workers on any number of machines share the queue through one DATABASE_URL.
 */
import { Logger, run, runMigrations, type Runner, type Task, type TaskList } from "graphile-worker";
import pg from "pg";
import { createPrismaClient } from "@loupe/db";
import { resolveMediaStorage, type ConfiguredMediaStorage, type MediaStorage } from "@loupe/media";
import { dataPaths } from "@loupe/config";
import { jobDefinitions } from "@loupe/jobs";
import { GpuSlotPool, parseGpuSlots } from "@loupe/generation";
import { DEFAULT_DEAD_AFTER_MS, releaseChunksOfDeadWorkers } from "@loupe/api/generation";
import { wrapJob } from "./job-run";
import { WorkerLiveness } from "./liveness";
import { buildDatasetExportTask } from "./tasks/build-dataset-export";
import {
  curateShardTask,
  finishCurationTask,
  planCurationTask,
  prepareCurationAuditTask,
} from "./tasks/curate";
import { evaluateChunkTask, summarizeEvaluationTask } from "./tasks/evaluate";
import { generateChunkTask } from "./tasks/generate-chunk";
import { refreshStudyResultsTask } from "./tasks/refresh-study-results";
import { verifyMediaHandler } from "./tasks/verify-media";

export type WorkerOptions = {
  databaseUrl: string;
  dataDir: string;
  concurrency: number;
  log?: (line: string) => void;
  /** Seconds between polls when LISTEN/NOTIFY is missed (default 2 s). */
  pollIntervalMs?: number;
  /** The server secret (LOUPE_AUTH_SECRET), to decrypt adapter secrets. */
  secret?: string;
  /** LOUPE_GPU_SLOTS: one CUDA_VISIBLE_DEVICES value per slot. */
  gpuSlots?: string;
  /** How often this worker and its running generation chunks beat their heartbeats (default 5 s). */
  heartbeatMs?: number;
  /** A worker or chunk whose heartbeat is older than this is dead; its jobs are rerun (default 60 s). */
  deadAfterMs?: number;
  /** Shown on every output this worker generates (default: the machine's host name). */
  host?: string;
  /** Where media files live (LOUPE_STORAGE): default local files under `<dataDir>/media`. */
  storage?: MediaStorage | ConfiguredMediaStorage;
};

export type RunningWorker = { stop: () => Promise<void>; done: Promise<void> };

/** Install or upgrade graphile-worker's own schema (idempotent). */
export async function migrateJobQueue(databaseUrl: string): Promise<void> {
  const pool = queuePool(databaseUrl, 2, () => undefined);
  try {
    await runMigrations({ pgPool: pool, logger: quietLogger(() => undefined) });
  } finally {
    await pool.end();
  }
}

/** How the queue's database connections name themselves (PostgreSQL's `pg_stat_activity`). */
export const QUEUE_APPLICATION_NAME = "loupe-worker-queue";

/**
 * The queue's connections, handed to graphile-worker rather than made by it, for two reasons. The
 * owner can wait for them to close (graphile-worker ends a pool it made without waiting), and a
 * connection that fails while idle or ending is logged, never thrown: graphile-worker removes its
 * own error handlers before it ends its pool, so a database that went away in that moment (a
 * restart, a test dropping its database) crashed the process with an unhandled 'error'.
 */
function queuePool(databaseUrl: string, max: number, log: (line: string) => void): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, application_name: QUEUE_APPLICATION_NAME });
  pool.on("error", (err) => log(`[worker] an idle queue connection failed: ${err.message}`));
  pool.on("connect", (client) =>
    client.on("error", (err) => log(`[worker] a queue connection failed: ${err.message}`)),
  );
  return pool;
}

function quietLogger(log: (line: string) => void) {
  return new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") log(`[worker] ${message}`);
  });
}

export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const db = createPrismaClient(opts.databaseUrl, { max: opts.concurrency + 2 });
  const storage = resolveMediaStorage(opts.storage, dataPaths(opts.dataDir).media);
  const slots = new GpuSlotPool(parseGpuSlots(opts.gpuSlots));
  const heartbeatMs = opts.heartbeatMs ?? 5000;
  const deadAfterMs = opts.deadAfterMs ?? DEFAULT_DEAD_AFTER_MS;
  const runtime = { db, storage, secret: opts.secret ?? "" };
  const liveness = new WorkerLiveness(db, deadAfterMs, opts.host);
  const tasks: Record<string, Task> = {
    [jobDefinitions.verifyMedia.name]: wrapJob(
      db,
      jobDefinitions.verifyMedia,
      verifyMediaHandler(db, storage),
    ),
    [jobDefinitions.refreshStudyResults.name]: refreshStudyResultsTask(db),
    [jobDefinitions.generateChunk.name]: generateChunkTask(runtime, {
      slots,
      heartbeatMs,
      deadAfterMs,
      host: opts.host,
    }),
    [jobDefinitions.evaluateChunk.name]: evaluateChunkTask(runtime),
    [jobDefinitions.summarizeEvaluation.name]: summarizeEvaluationTask(runtime),
    [jobDefinitions.buildDatasetExport.name]: buildDatasetExportTask(runtime),
    [jobDefinitions.planCurationRun.name]: planCurationTask(runtime),
    [jobDefinitions.curateShard.name]: curateShardTask(runtime),
    [jobDefinitions.finishCurationRun.name]: finishCurationTask(runtime),
    [jobDefinitions.prepareCurationAudit.name]: prepareCurationAuditTask(runtime),
  };
  const taskList: TaskList = Object.fromEntries(
    Object.entries(tasks).map(([name, task]) => [name, liveness.track(task)]),
  );
  const log = opts.log ?? console.error;
  const pool = queuePool(opts.databaseUrl, Math.max(10, opts.concurrency + 2), log);
  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      concurrency: opts.concurrency,
      noHandleSignals: true,
      pollInterval: opts.pollIntervalMs ?? 2000,
      taskList,
      logger: quietLogger(log),
    });
  } catch (err) {
    await pool.end();
    await db.$disconnect();
    throw err;
  }
  const beat = setInterval(
    () => void liveness.beat().catch((err: unknown) => log(`[worker] heartbeat failed: ${String(err)}`)),
    heartbeatMs,
  );
  // Every worker sweeps for dead workers' jobs and generation chunks now and then (twice per
  // dead-after window), so a killed worker's work is picked up within about a minute.
  const sweep = setInterval(
    () =>
      void Promise.all([
        liveness.releaseJobsOfDeadWorkers(),
        releaseChunksOfDeadWorkers(db, deadAfterMs),
      ]).catch((err: unknown) => log(`[worker] sweeping for dead workers' jobs failed: ${String(err)}`)),
    Math.max(500, deadAfterMs / 2),
  );
  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= (async () => {
        clearInterval(sweep);
        clearInterval(beat);
        await runner.stop();
        await pool.end();
        await db.$disconnect();
      })()),
    done: runner.promise,
  };
}
