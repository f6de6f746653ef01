/**
 * The migration runner (packages/db/src/migrate.ts) against real, empty databases: it must write
 * `_prisma_migrations` the way `prisma migrate deploy` does, apply each migration once even when
 * two processes start together, and refuse databases it does not understand.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { listMigrations, migrate, MigrationError } from "@loupe/db/migrate";
import { migrationsDir } from "./setup/global-setup";
import { createTestDatabase, type TestDatabase } from "./setup/database";

const created: TestDatabase[] = [];
const tmpDirs: string[] = [];
afterAll(async () => {
  await Promise.all(created.map((d) => d.drop()));
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function emptyDatabase() {
  const d = await createTestDatabase({ migrated: false });
  created.push(d);
  return d;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

type MigrationRow = {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  started_at: Date;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
};
const rowsOf = (url: string) =>
  query<MigrationRow>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name, started_at`);

/** The migrations as files on disk, hashed here independently of the runner. */
const onDisk = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .map((name) => ({
    name,
    sha256: crypto
      .createHash("sha256")
      .update(fs.readFileSync(path.join(migrationsDir, name, "migration.sql")))
      .digest("hex"),
  }));

/** A copy of prisma/migrations that a test may change. */
function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-migrations-"));
  tmpDirs.push(dir);
  fs.cpSync(migrationsDir, dir, { recursive: true });
  return dir;
}

describe("migrate() on an empty database", () => {
  it("applies every migration and records it like prisma migrate deploy", async () => {
    expect(onDisk.length).toBeGreaterThan(0);
    expect(listMigrations(migrationsDir).map((m) => m.name)).toEqual(onDisk.map((m) => m.name));

    const { url } = await emptyDatabase();
    const applied: string[] = [];
    const result = await migrate(url, migrationsDir, (name) => applied.push(name));
    expect(result).toEqual({ applied: onDisk.map((m) => m.name), alreadyApplied: 0 });
    expect(applied).toEqual(onDisk.map((m) => m.name));

    const rows = await rowsOf(url);
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum, row.migration_name).toBe(onDisk[i]!.sha256);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at, row.migration_name).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    // The schema is really there.
    const tables = await query<{ n: number }>(
      url,
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('user', 'Project', 'AuditLog')`,
    );
    expect(tables[0]!.n).toBe(3);

    // A second run finds nothing to do and changes nothing.
    const again = await migrate(url, migrationsDir, () => expect.unreachable("nothing should be applied"));
    expect(again).toEqual({ applied: [], alreadyApplied: onDisk.length });
    expect(await rowsOf(url)).toEqual(rows);
  });

  it("applies each migration once when two processes migrate at the same time (advisory lock)", async () => {
    const { url } = await emptyDatabase();
    const [a, b] = await Promise.all([migrate(url, migrationsDir), migrate(url, migrationsDir)]);
    // One of them did the work, the other found it done.
    expect([...a.applied, ...b.applied].sort()).toEqual(onDisk.map((m) => m.name));
    expect(a.applied.length === 0 || b.applied.length === 0).toBe(true);
    const rows = await rowsOf(url);
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk.map((m) => m.name));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    const { url } = await emptyDatabase();
    const dir = copyOfMigrations();
    fs.mkdirSync(path.join(dir, "29990101000000_broken"));
    fs.writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\nSELECT * FROM "no_such_table";\n`,
    );
    const err = await migrate(url, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as Error).message).toMatch(/^migration 29990101000000_broken failed: .*no_such_table/);
    // Earlier migrations stay applied; the broken one left neither a row nor its table.
    expect((await rowsOf(url)).map((r) => r.migration_name)).toEqual(onDisk.map((m) => m.name));
    expect(await query(url, `SELECT to_regclass('"HalfDone"') AS t`)).toEqual([{ t: null }]);
    // Fixed, it applies.
    fs.writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\n`,
    );
    expect((await migrate(url, dir)).applied).toEqual(["29990101000000_broken"]);
  });
});

describe("migrate() refuses databases it does not understand", () => {
  it("a database migrated by a newer version (a migration this build does not have)", async () => {
    const { url } = await emptyDatabase();
    await migrate(url, migrationsDir);
    await query(
      url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ($1, $2, '29990101000000_from_the_future', now(), 1)`,
      [crypto.randomUUID(), "0".repeat(64)],
    );
    const before = await rowsOf(url);
    const err = await migrate(url, migrationsDir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as Error).message).toContain("newer version");
    expect((err as Error).message).toContain("29990101000000_from_the_future");
    expect(await rowsOf(url)).toEqual(before); // left untouched
  });

  it("a migration whose file changed after it was applied (checksum mismatch)", async () => {
    const { url } = await emptyDatabase();
    await migrate(url, migrationsDir);
    const dir = copyOfMigrations();
    const first = onDisk[0]!.name;
    fs.appendFileSync(path.join(dir, first, "migration.sql"), "\n-- edited after release\n");
    const err = await migrate(url, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as Error).message).toMatch(
      new RegExp(`^migration ${first} was changed after it was applied \\(checksum mismatch\\)`),
    );
  });

  it("a migration that started and never finished", async () => {
    const { url } = await emptyDatabase();
    await migrate(url, migrationsDir);
    await query(url, `UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = $1`, [
      onDisk[0]!.name,
    ]);
    await expect(migrate(url, migrationsDir)).rejects.toThrow(/failed earlier and was never finished/);
  });
});

describe("the audit log is append-only", () => {
  it("accepts INSERT and rejects UPDATE and DELETE (database trigger)", async () => {
    const database = await createTestDatabase();
    created.push(database);
    const entry = await database.db.auditLog.create({
      data: { action: "project.create", projectId: "p1", data: { slug: "x" } },
    });
    expect(typeof entry.id).toBe("bigint");
    await query(database.url, `INSERT INTO "AuditLog" (action) VALUES ('study.start')`);
    expect(await database.db.auditLog.count()).toBe(2);

    await expect(
      query(database.url, `UPDATE "AuditLog" SET action = 'forged' WHERE id = $1`, [entry.id.toString()]),
    ).rejects.toThrow(/AuditLog is append-only: UPDATE is not allowed/);
    await expect(
      query(database.url, `DELETE FROM "AuditLog" WHERE id = $1`, [entry.id.toString()]),
    ).rejects.toThrow(/AuditLog is append-only: DELETE is not allowed/);
    await expect(query(database.url, `DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    // Through Prisma too.
    await expect(
      database.db.auditLog.update({ where: { id: entry.id }, data: { action: "forged" } }),
    ).rejects.toThrow();
    await expect(database.db.auditLog.deleteMany({})).rejects.toThrow();

    const rows = await database.db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["project.create", "study.start"]);
  });
});
