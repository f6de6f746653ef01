/** `loupe worker`: one more worker against the same database (any machine with DATABASE_URL). */
import { loadConfig } from "@loupe/config";
import { startWorker } from "@loupe/worker";
import { prepareDataDir } from "../data-dir";
import { migrateAll, resolveDatabase } from "../database";

export async function workerCommand(opts: { concurrency?: number }): Promise<void> {
  const config = loadConfig();
  const paths = prepareDataDir(config.dataDir);
  const log = (line: string) => console.log(line);
  const database = await resolveDatabase(config, paths, { log, startEmbedded: false });
  await migrateAll(database.url, () => undefined);
  const concurrency = opts.concurrency ?? config.workerConcurrency;
  const worker = await startWorker({ databaseUrl: database.url, dataDir: paths.root, concurrency, log });
  log(`worker running (concurrency ${concurrency}); Ctrl-C to stop`);
  await new Promise<void>((resolve) => {
    const stop = () => void worker.stop().then(resolve);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  log("worker stopped");
}
