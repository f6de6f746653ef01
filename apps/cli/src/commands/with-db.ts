import { createPrismaClient, type Db } from "@loupe/db";
import { loadConfig, type DataPaths, type LoupeConfig } from "@loupe/config";
import { prepareDataDir } from "../data-dir";
import { migrateAll, resolveDatabase } from "../database";

/** Where `fn` runs: the database's URL, and whether it is a temporary embedded one only this command reaches. */
export type DatabaseInfo = { url: string; temporary: boolean; config: LoupeConfig };

/** Run `fn` with a migrated database: the configured one, the running Loupe's, or a temporary embedded one. */
export async function withDatabase<T>(
  fn: (db: Db, paths: DataPaths, database: DatabaseInfo) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const paths = prepareDataDir(config.dataDir);
  const database = await resolveDatabase(config, paths, { log: () => undefined, startEmbedded: true });
  const db = createPrismaClient(database.url, { max: 2 });
  try {
    await migrateAll(database.url, () => undefined);
    return await fn(db, paths, { url: database.url, temporary: database.embedded !== null, config });
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
}
