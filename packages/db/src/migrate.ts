/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order and records them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does (same table, same columns,
 * sha256 checksums of the file, started/finished timestamps, applied_steps_count), so either
 * tool can take over a database. Prisma's schema engine is a binary this network cannot
 * download; its table layout is the contract we keep.
 *
 * Differences from Prisma, on purpose: each migration runs in a transaction (PostgreSQL has
 * transactional DDL, so a failed migration leaves nothing half-applied), and a database that
 * holds migrations this build does not know is refused with a clear error.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** The advisory-lock key Prisma's migrate uses, so Loupe and Prisma also exclude each other. */
const PRISMA_MIGRATE_LOCK = 72707369;

export class MigrationError extends Error {
  override name = "MigrationError";
}

export type MigrationFile = { name: string; sql: string; checksum: string };
export type MigrationResult = { applied: string[]; alreadyApplied: number };

export function listMigrations(migrationsDir: string): MigrationFile[] {
  if (!fs.existsSync(migrationsDir))
    throw new MigrationError(`migrations folder not found: ${migrationsDir}`);
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(migrationsDir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export async function migrate(
  databaseUrl: string,
  migrationsDir: string,
  onApply: (name: string) => void = () => undefined,
): Promise<MigrationResult> {
  const files = listMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Session-level lock: a second starter waits here until the first has finished.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const live = rows.filter((r) => r.rolled_back_at === null);
    const known = new Map(files.map((f) => [f.name, f]));

    const unknown = live.filter((r) => !known.has(r.migration_name)).map((r) => r.migration_name);
    if (unknown.length > 0) {
      throw new MigrationError(
        `the database was migrated by a newer version of Loupe (unknown migration ${unknown[0]}); upgrade Loupe or use another database`,
      );
    }
    const failed = live.find((r) => r.finished_at === null);
    if (failed) {
      throw new MigrationError(
        `migration ${failed.migration_name} failed earlier and was never finished; fix the database and delete its row from _prisma_migrations`,
      );
    }
    for (const r of live) {
      const f = known.get(r.migration_name)!;
      if (f.checksum !== r.checksum) {
        throw new MigrationError(
          `migration ${r.migration_name} was changed after it was applied (checksum mismatch); restore the original file`,
        );
      }
    }

    const done = new Set(live.map((r) => r.migration_name));
    const applied: string[] = [];
    for (const f of files) {
      if (done.has(f.name)) continue;
      onApply(f.name);
      const id = crypto.randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 0)`,
          [id, f.checksum, f.name],
        );
        await client.query(f.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new MigrationError(`migration ${f.name} failed: ${(err as Error).message}`);
      }
      applied.push(f.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    await client.end();
  }
}
