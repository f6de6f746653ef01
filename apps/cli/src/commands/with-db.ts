import { createPrismaClient, type Db } from "@loupe/db";
import { loadConfig, type DataPaths } from "@loupe/config";
import { prepareDataDir } from "../data-dir";
import { migrateAll, resolveDatabase } from "../database";

/** Run `fn` with a migrated database: the configured one, the running Loupe's, or a temporary embedded one. */
export async function withDatabase<T>(fn: (db: Db, paths: DataPaths) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const paths = prepareDataDir(config.dataDir);
  const database = await resolveDatabase(config, paths, { log: () => undefined, startEmbedded: true });
  const db = createPrismaClient(database.url, { max: 2 });
  try {
    await migrateAll(database.url, () => undefined);
    return await fn(db, paths);
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
}
