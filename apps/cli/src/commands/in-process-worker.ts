/**
 * The worker a following command (`generate`, `evaluate`, `curate`) runs in its own process when
 * asked with --worker: configured like `loupe worker`, logging to stderr beside the progress bar.
 */
import type { DataPaths } from "@loupe/config";
import { startWorker, type RunningWorker } from "@loupe/worker";
import { readOrCreateSecret } from "../data-dir";
import type { DatabaseInfo } from "./with-db";

export function startInProcessWorker(paths: DataPaths, database: DatabaseInfo): Promise<RunningWorker> {
  return startWorker({
    databaseUrl: database.url,
    dataDir: paths.root,
    concurrency: database.config.workerConcurrency,
    secret: readOrCreateSecret(paths, database.config.authSecret),
    gpuSlots: database.config.gpuSlots,
    storage: database.config.storage,
    log: (line) => console.error(line),
  });
}
