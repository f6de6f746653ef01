/**
 * The job runner: graphile-worker on the same PostgreSQL as everything else, so any number of
 * workers on any number of machines share the queue through one DATABASE_URL.
 */
import { Logger, run, runMigrations, type Runner, type TaskList } from "graphile-worker";
import { createPrismaClient } from "@loupe/db";
import { LocalMediaStorage } from "@loupe/media";
import { dataPaths } from "@loupe/config";
import { jobDefinitions } from "@loupe/jobs";
import { wrapJob } from "./job-run";
import { refreshStudyResultsTask } from "./tasks/refresh-study-results";
import { verifyMediaHandler } from "./tasks/verify-media";

export type WorkerOptions = {
  databaseUrl: string;
  dataDir: string;
  concurrency: number;
  log?: (line: string) => void;
  /** Seconds between polls when LISTEN/NOTIFY is missed (default 2 s). */
  pollIntervalMs?: number;
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
  const storage = new LocalMediaStorage(dataPaths(opts.dataDir).media);
  const taskList: TaskList = {
    [jobDefinitions.verifyMedia.name]: wrapJob(
      db,
      jobDefinitions.verifyMedia,
      verifyMediaHandler(db, storage),
    ),
    [jobDefinitions.refreshStudyResults.name]: refreshStudyResultsTask(db),
  };
  const runner: Runner = await run({
    connectionString: opts.databaseUrl,
    concurrency: opts.concurrency,
    noHandleSignals: true,
    pollInterval: opts.pollIntervalMs ?? 2000,
    taskList,
    logger: quietLogger(opts.log ?? ((l) => console.error(l))),
  });
  let stopped: Promise<void> | undefined;
  return {
    stop: () => (stopped ??= runner.stop().then(() => db.$disconnect())),
    done: runner.promise,
  };
}
