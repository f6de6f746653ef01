/**
 * A graphile-worker for an integration test's app: its database, data folder and secret, polling
 * fast and quiet. Options override (another storage, more concurrency).
 */
import { startWorker, type RunningWorker } from "@loupe/worker";
import type { TestApp } from "./test-app";

export function startTestWorker(
  app: Pick<TestApp, "databaseUrl" | "dataDir" | "runtime">,
  overrides: Partial<Parameters<typeof startWorker>[0]> = {},
): Promise<RunningWorker> {
  return startWorker({
    databaseUrl: app.databaseUrl,
    dataDir: app.dataDir,
    concurrency: 2,
    pollIntervalMs: 200,
    secret: app.runtime.secret,
    log: () => undefined,
    ...overrides,
  });
}
