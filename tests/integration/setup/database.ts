/**
 * A fresh database for one test file, on the server the global setup started (or DATABASE_URL's):
 *
 *   const database = await createTestDatabase();          // migrated: cloned from the template
 *   const empty = await createTestDatabase({ migrated: false }); // nothing in it, for migration tests
 *   ... database.url, database.db (a Prisma client) ...
 *   afterAll(() => database.drop());
 *
 * Cloning is `CREATE DATABASE x TEMPLATE loupe_template_<run>`. PostgreSQL refuses it while any other
 * session is connected to the template, and two clones at once can trip over each other, so clones
 * are serialized across all test workers with an advisory lock. Nothing connects to the template
 * after the global setup has migrated it.
 */
import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "@loupe/db";
import { databaseUrl, quoteIdent } from "./global-setup";

const CLONE_LOCK = 7_273_990_101; // any constant; only this file takes it

export type TestDatabase = {
  name: string;
  url: string;
  /** A Prisma client on the database (it connects on first use). */
  db: Db;
  /** Disconnects `db` and drops the database (also closing connections others left open). */
  drop: () => Promise<void>;
};

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("loupeTestDb").adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const { adminUrl, template, prefix } = inject("loupeTestDb");
  const name = prefix + crypto.randomBytes(6).toString("hex");
  await withAdmin(async (client) => {
    if (options.migrated === false) {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return;
    }
    await client.query("SELECT pg_advisory_lock($1)", [CLONE_LOCK]);
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [CLONE_LOCK]);
    }
  });

  const url = databaseUrl(adminUrl, name);
  const db = createPrismaClient(url, { max: 5 });
  let dropping: Promise<void> | undefined;
  const drop = () =>
    (dropping ??= (async () => {
      await db.$disconnect();
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    })());
  return { name, url, db, drop };
}
