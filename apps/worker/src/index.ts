/**
 * The job runner: graphile-worker on the same PostgreSQL as everything else, so any number of
 * workers on any number of machines share the queue through one DATABASE_URL.
 */
import { Logger, run, runMigrations, type Runner, type TaskList } from "graphile-worker";
import { createPrismaClient } from "@loupe/db";
import { resolveMediaStorage, type ConfiguredMediaStorage, type MediaStorage } from "@loupe/media";
import { dataPaths } from "@loupe/config";
import { jobDefinitions } from "@loupe/jobs";
import { GpuSlotPool, parseGpuSlots } from "@loupe/generation";
import { DEFAULT_DEAD_AFTER_MS, releaseChunksOfDeadWorkers } from "@loupe/api/generation";
import { wrapJob } from "./job-run";
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
  /** How often a running generation chunk beats its heartbeat (default 5 s). */
  heartbeatMs?: number;
  /** A chunk whose heartbeat is older than this belongs to a dead worker (default 60 s). */
  deadAfterMs?: number;
  /** Shown on every output this worker generates (default: the machine's host name). */
  host?: string;
  /** Where media files live (LOUPE_STORAGE): default local files under `<dataDir>/media`. */
  storage?: MediaStorage | ConfiguredMediaStorage;
};

export type RunningWorker = { stop: () => Promise<void>; done: Promise<void> };

/** Install or upgrade graphile-worker's own schema (idempotent). */
export async function migrateJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger(() => undefined) });
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
  const taskList: TaskList = {
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
  };
  const runner: Runner = await run({
    connectionString: opts.databaseUrl,
    concurrency: opts.concurrency,
    noHandleSignals: true,
    pollInterval: opts.pollIntervalMs ?? 2000,
    taskList,
    logger: quietLogger(opts.log ?? ((l) => console.error(l))),
  });
  // Every worker sweeps for chunks of dead workers now and then (at twice the heartbeat's pace
  // of the dead-after window), so a killed worker's chunk is picked up within about a minute.
  const sweep = setInterval(
    () =>
      void releaseChunksOfDeadWorkers(db, deadAfterMs).catch((err: unknown) =>
        (opts.log ?? console.error)(`[worker] sweeping for dead workers' chunks failed: ${String(err)}`),
      ),
    Math.max(500, deadAfterMs / 2),
  );
  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= (async () => {
        clearInterval(sweep);
        await runner.stop();
        await db.$disconnect();
      })()),
    done: runner.promise,
  };
}
