/** `loupe worker`: one more worker against the same database (any machine with DATABASE_URL). */
import { loadConfig } from "@loupe/config";
import { startWorker } from "@loupe/worker";
import { prepareDataDir, readOrCreateSecret } from "../data-dir";
import { migrateAll, resolveDatabase } from "../database";

export async function workerCommand(opts: { concurrency?: number }): Promise<void> {
  const config = loadConfig();
  const paths = prepareDataDir(config.dataDir);
  const log = (line: string) => console.log(line);
  const database = await resolveDatabase(config, paths, { log, startEmbedded: false });
  await migrateAll(database.url, () => undefined);
  const concurrency = opts.concurrency ?? config.workerConcurrency;
  const worker = await startWorker({
    databaseUrl: database.url,
    dataDir: paths.root,
    concurrency,
    log,
    // Adapter secrets decrypt only with the server's secret: set the same LOUPE_AUTH_SECRET on
    // every machine (a worker beside `loupe start` finds it in the data directory).
    secret: readOrCreateSecret(paths, config.authSecret),
    gpuSlots: config.gpuSlots,
    // LOUPE_STORAGE=s3 lets a worker on another machine read and write the same media files.
    storage: config.storage,
  });
  log(
    `worker running (concurrency ${concurrency}${config.gpuSlots ? `, GPU slots ${config.gpuSlots}` : ""}); Ctrl-C to stop`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => void worker.stop().then(resolve);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  log("worker stopped");
}
