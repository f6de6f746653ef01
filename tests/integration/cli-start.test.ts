/**
 * `loupe start` as a user runs it: the real command, a temporary data dir, the embedded
 * PostgreSQL. Needs the built web app (`npm test` builds it first).
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portIsFree } from "@loupe/db/embedded";
import { killAllLoupes, runLoupe, runLoupeToEnd, type LoupeProcess } from "./support/loupe-process";

const PORT = 3870 + Math.floor(Math.random() * 50);
const PG_PORT = 55410 + Math.floor(Math.random() * 50);
let dataDir: string;
let env: Record<string, string>;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-cli-"));
  fs.chmodSync(dataDir, 0o755);
  env = {
    LOUPE_DATA_DIR: dataDir,
    PORT: String(PORT),
    LOUPE_PG_PORT: String(PG_PORT),
    LOUPE_ADMIN_EMAIL: "boss@example.test",
  };
});
const tempDirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-cli-"));
  fs.chmodSync(dir, 0o755);
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  killAllLoupes();
  for (const dir of [dataDir, ...tempDirs]) fs.rmSync(dir, { recursive: true, force: true });
});

describe("loupe start", () => {
  let first: LoupeProcess;

  it("starts embedded PostgreSQL, creates the admin, serves the sign-in page, and reports its time", async () => {
    first = runLoupe(["start"], env);
    const ready = await first.waitFor(/Loupe is ready at \S+ \(started in [\d.]+ s/);
    expect(first.output()).toMatch(
      /created the administrator boss@example\.test\n\s+password \(shown once\): \S{20}/,
    );
    const res = await fetch(`http://127.0.0.1:${PORT}/sign-in`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Loupe");
    expect(ready).toMatch(/started in/);
  });

  it("refuses a second start on the same data dir", async () => {
    const second = await runLoupeToEnd(["start"], { ...env, PORT: String(PORT + 100) });
    expect(second.code).toBe(1);
    expect(second.output.trim()).toMatch(
      /^loupe: another Loupe \(pid \d+\) is already running on .*; stop it first/,
    );
  });

  it("stops web, worker and PostgreSQL cleanly on Ctrl-C", async () => {
    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("stopped cleanly");
    expect(await portIsFree(PORT)).toBe(true);
    expect(await portIsFree(PG_PORT)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "loupe.pid"))).toBe(false);
  });

  it("recovers after kill -9: the orphaned PostgreSQL is stopped and data is kept", async () => {
    const crashed = runLoupe(["start"], env);
    await crashed.waitFor(/Loupe is ready/);
    expect(crashed.output()).not.toMatch(/created the administrator/); // the admin from the first start is kept
    crashed.child.kill("SIGKILL");
    await crashed.exited;
    expect(await portIsFree(PG_PORT)).toBe(false); // postgres outlived its parent

    const next = runLoupe(["start"], env);
    await next.waitFor(/Loupe is ready/);
    expect(next.output()).toMatch(/stopping PostgreSQL left running by an earlier crash/);
    const res = await fetch(`http://127.0.0.1:${PORT}/sign-in`);
    expect(res.status).toBe(200);
    next.child.kill("SIGINT");
    expect(await next.exited).toBe(0);
  });
});

describe("loupe start refuses bad setups with one line", () => {
  it("a busy port", async () => {
    const blocker = net.createServer().listen(PORT + 1, "0.0.0.0");
    await new Promise((r) => blocker.once("listening", r));
    try {
      const r = await runLoupeToEnd(["start"], { ...env, PORT: String(PORT + 1) });
      expect(r.code).toBe(1);
      expect(r.output.trim()).toBe(
        `loupe: port ${PORT + 1} is in use; stop what is using it or set PORT to another port`,
      );
    } finally {
      blocker.close();
    }
  });

  it("an unwritable data dir", async () => {
    const r = await runLoupeToEnd(["start"], { ...env, LOUPE_DATA_DIR: "/proc/loupe-cannot-write-here" });
    expect(r.code).toBe(1);
    expect(r.output.trim()).toMatch(
      /^loupe: data directory \/proc\/loupe-cannot-write-here is not writable; .*LOUPE_DATA_DIR/,
    );
  });

  it("an unreachable DATABASE_URL", async () => {
    const dir = tempDir();
    const r = await runLoupeToEnd(["start"], {
      ...env,
      LOUPE_DATA_DIR: dir,
      DATABASE_URL: "postgres://u:secret@127.0.0.1:1/loupe",
    });
    expect(r.code).toBe(1);
    expect(r.output.trim()).toBe(
      "loupe: cannot connect to DATABASE_URL postgres://u:***@127.0.0.1:1/loupe: nothing is listening there; start PostgreSQL or fix the host/port",
    );
  });

  it("a malformed setting", async () => {
    const r = await runLoupeToEnd(["start"], { ...env, PORT: "eighty" });
    expect(r.code).toBe(1);
    expect(r.output.trim().split("\n")).toHaveLength(1);
    expect(r.output).toMatch(/^loupe: PORT: /);
  });

  it("a database migrated by a newer version, left untouched", async () => {
    const dir = tempDir();
    // Start once to get a migrated embedded database, then add a migration this build does not know.
    const boot = runLoupe(["start", "--no-worker"], {
      ...env,
      LOUPE_DATA_DIR: dir,
      PORT: String(PORT + 2),
      LOUPE_PG_PORT: String(PG_PORT + 1),
    });
    await boot.waitFor(/Loupe is ready/);
    const password = fs.readFileSync(path.join(dir, "postgres.password"), "utf8").trim();
    const client = new pg.Client(`postgres://postgres:${password}@127.0.0.1:${PG_PORT + 1}/loupe`);
    await client.connect();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ('00000000-0000-0000-0000-000000000001', 'x', '29990101000000_from_the_future', now(), 1)`,
    );
    await client.end();
    boot.child.kill("SIGINT");
    await boot.exited;

    const r = await runLoupeToEnd(["start"], {
      ...env,
      LOUPE_DATA_DIR: dir,
      PORT: String(PORT + 2),
      LOUPE_PG_PORT: String(PG_PORT + 1),
    });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(
      /loupe: the database was migrated by a newer version of Loupe \(unknown migration 29990101000000_from_the_future\)/,
    );
    expect(await portIsFree(PG_PORT + 1)).toBe(true); // the embedded server was stopped on the way out

    // `loupe migrate` gives the same answer.
    const migrate = await runLoupeToEnd(["migrate"], {
      ...env,
      LOUPE_DATA_DIR: dir,
      LOUPE_PG_PORT: String(PG_PORT + 1),
    });
    expect(migrate.code).toBe(1);
    expect(migrate.output).toMatch(/newer version of Loupe/);
  });
});
