import "server-only";
import { loadConfig } from "@loupe/config";
import { createRuntime, type Runtime } from "@loupe/api";

/**
 * One runtime per server process. `loupe start` puts DATABASE_URL and LOUPE_AUTH_SECRET in the
 * environment before Next starts, so this only parses what is already there.
 */
const globalForRuntime = globalThis as unknown as { loupeRuntime?: Runtime };

export function getRuntime(): Runtime {
  if (globalForRuntime.loupeRuntime) return globalForRuntime.loupeRuntime;
  const config = loadConfig();
  if (!config.databaseUrl || !config.authSecret) {
    throw new Error("DATABASE_URL and LOUPE_AUTH_SECRET must be set; run the web app through `loupe start`");
  }
  globalForRuntime.loupeRuntime = createRuntime({
    databaseUrl: config.databaseUrl,
    secret: config.authSecret,
    baseUrl: config.baseUrl,
    dataDir: config.dataDir,
    storage: config.storage,
    curationRoots: config.curationRoots,
    curationBuckets: config.curationBuckets,
  });
  return globalForRuntime.loupeRuntime;
}
