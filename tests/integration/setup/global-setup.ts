/**
 * Integration tests run on a real PostgreSQL:
 *
 * - DATABASE_URL set (CI, or your own server): that server. Its role needs CREATEDB. Nothing is
 *   created in the DATABASE_URL database itself; every database this run creates is dropped at the end.
 * - otherwise: the embedded PostgreSQL (packages/db) in a fresh temporary directory on a free port,
 *   removed at the end.
 *
 * Either way a template database `loupe_template_<run>` is created and migrated once; each test file
 * then clones it (tests/integration/setup/database.ts), which takes milliseconds instead of
 * running the migrations again.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type RunningPostgres } from "@loupe/db/embedded";
import { migrate } from "@loupe/db/migrate";
import { migrateJobQueue } from "@loupe/worker";

/** What the global setup hands to the test files (`inject("loupeTestDb")`). */
export type TestDatabaseServer = {
  /** URL of a maintenance database on the server, used to create and drop databases. */
  adminUrl: string;
  /** The migrated template database. */
  template: string;
  /** Names of the databases this run creates start with it (so teardown can find leftovers). */
  prefix: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    loupeTestDb: TestDatabaseServer;
  }
}

export const migrationsDir = path.resolve(import.meta.dirname, "../../../prisma/migrations");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function startEmbedded(dir: string): Promise<RunningPostgres> {
  let lastError: unknown;
  // A free port can be taken between the probe and postgres binding it; try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startEmbeddedPostgres({ dir, port: await freePort(), database: "postgres" });
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError;
}

export default async function setup(project: TestProject) {
  const run = crypto.randomBytes(4).toString("hex");
  const prefix = `loupe_test_${run}_`;
  const template = `loupe_template_${run}`;

  const external = process.env.DATABASE_URL;
  let tmpDir: string | undefined;
  let server: RunningPostgres | undefined;

  const teardown = async () => {
    if (external) {
      const client = new pg.Client({ connectionString: external });
      await client.connect();
      try {
        const { rows } = await client.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)",
          [template, prefix],
        );
        for (const { datname } of rows)
          await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    }
    await server?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  };

  try {
    let adminUrl: string;
    if (external) {
      adminUrl = external;
    } else {
      tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-it-"));
      // As root, the cluster runs as the `postgres` user, which must reach the directory.
      fs.chmodSync(tmpDir, 0o755);
      server = await startEmbedded(path.join(tmpDir, "pg"));
      adminUrl = server.url;
    }

    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      if (server) {
        // A throwaway cluster: durability buys nothing and costs every CREATE DATABASE a few fsyncs.
        await admin.query("ALTER SYSTEM SET fsync = off");
        await admin.query("ALTER SYSTEM SET synchronous_commit = off");
        await admin.query("ALTER SYSTEM SET full_page_writes = off");
        await admin.query("SELECT pg_reload_conf()");
      }
      await admin.query(`CREATE DATABASE ${quoteIdent(template)}`);
    } finally {
      await admin.end();
    }
    await migrate(databaseUrl(adminUrl, template), migrationsDir);
    // The job queue too, as `loupe start` installs it: services enqueue jobs (results refreshes).
    await migrateJobQueue(databaseUrl(adminUrl, template));

    project.provide("loupeTestDb", { adminUrl, template, prefix });
  } catch (e) {
    await teardown().catch(() => undefined);
    throw e;
  }
  return teardown;
}
