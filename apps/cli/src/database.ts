/**
 * Which PostgreSQL a command talks to: DATABASE_URL when set; otherwise the embedded one in the
 * data dir — already running under a `loupe start`, or started here for the command's duration.
 */
import fs from "node:fs";
import path from "node:path";
import { checkDatabaseUrl, migrate } from "@loupe/db";
import { startEmbeddedPostgres, type RunningPostgres } from "@loupe/db/embedded";
import type { LoupeConfig, DataPaths } from "@loupe/config";
import { migrateJobQueue } from "@loupe/worker";
import { isLocked } from "./data-dir";
import { CliError } from "./errors";
import { repoRoot } from "./paths";

export type ResolvedDatabase = { url: string; embedded: RunningPostgres | null };

export async function resolveDatabase(
  config: LoupeConfig,
  paths: DataPaths,
  opts: { log: (line: string) => void; startEmbedded: boolean },
): Promise<ResolvedDatabase> {
  if (config.databaseUrl) {
    await checkDatabaseUrl(config.databaseUrl);
    return { url: config.databaseUrl, embedded: null };
  }
  if (!opts.startEmbedded || isLocked(paths)) {
    // Attach to the embedded server of the `loupe start` running on this data dir.
    const passwordFile = path.join(paths.root, "postgres.password");
    if (!fs.existsSync(passwordFile) || !isLocked(paths)) {
      throw new CliError(
        `no running Loupe on ${paths.root}; start one with \`loupe start\` or set DATABASE_URL`,
      );
    }
    const password = fs.readFileSync(passwordFile, "utf8").trim();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${config.embeddedPgPort}/loupe`;
    await checkDatabaseUrl(url);
    return { url, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({
    dir: paths.postgres,
    port: config.embeddedPgPort,
    onLog: () => undefined,
    onNotice: opts.log,
  });
  opts.log(`embedded PostgreSQL running on 127.0.0.1:${config.embeddedPgPort}`);
  return { url: embedded.url, embedded };
}

/** Apply Loupe's migrations and graphile-worker's own schema. */
export async function migrateAll(url: string, log: (line: string) => void): Promise<void> {
  const result = await migrate(url, path.join(repoRoot, "prisma/migrations"), (name) =>
    log(`applying migration ${name}`),
  );
  await migrateJobQueue(url);
  if (result.applied.length === 0) log(`database schema up to date (${result.alreadyApplied} migrations)`);
}
