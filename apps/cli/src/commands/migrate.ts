/** `loupe migrate`: apply pending migrations, then exit. */
import { loadConfig } from "@loupe/config";
import { prepareDataDir } from "../data-dir";
import { migrateAll, resolveDatabase } from "../database";

export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const paths = prepareDataDir(config.dataDir);
  const log = (line: string) => console.log(line);
  const database = await resolveDatabase(config, paths, { log, startEmbedded: true });
  try {
    await migrateAll(database.url, log);
  } finally {
    await database.embedded?.stop();
  }
}
