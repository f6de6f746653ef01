/**
 * The embedded PostgreSQL (packages/db/src/embedded-postgres.ts) that `loupe start` runs when
 * DATABASE_URL is unset. Always tested, whatever server the rest of the suite uses.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EmbeddedPostgresError,
  portIsFree,
  startEmbeddedPostgres,
  type RunningPostgres,
} from "@loupe/db/embedded";

let root: string;
const running: RunningPostgres[] = [];

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-embedded-"));
  fs.chmodSync(root, 0o755); // as root, the cluster runs as the `postgres` user
});
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  fs.rmSync(root, { recursive: true, force: true });
});

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

async function start(dir: string, port: number, logs: string[] = []) {
  const pgServer = await startEmbeddedPostgres({ dir, port, database: "loupe", onLog: (l) => logs.push(l) });
  running.push(pgServer);
  return pgServer;
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function postmasterPid(dir: string): number {
  return Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("embedded PostgreSQL", () => {
  it("initialises a cluster, serves the database, stops, and keeps the data across restarts", async () => {
    const dir = path.join(root, "a", "pg");
    fs.mkdirSync(path.dirname(dir), { mode: 0o755 });
    const port = await freePort();
    const logs: string[] = [];
    const first = await start(dir, port, logs);
    expect(logs).toContain("initialising the embedded PostgreSQL cluster");
    expect(first.url).toMatch(new RegExp(`^postgres://postgres:[^@]+@127\\.0\\.0\\.1:${port}/loupe$`));
    expect(fs.existsSync(path.join(dir, "PG_VERSION"))).toBe(true);
    // The generated password lives beside the cluster, readable by its owner only.
    const pwFile = path.join(path.dirname(dir), "postgres.password");
    expect(fs.statSync(pwFile).mode & 0o777).toBe(0o600);

    const [row] = await sql<{ server_version: string }>(first.url, "SHOW server_version");
    expect(Number(row!.server_version.split(".")[0])).toBeGreaterThanOrEqual(15);
    await sql(first.url, `CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('still here')`);

    // A wrong password is refused (the cluster is not trust-authenticated).
    const wrong = first.url.replace(/^postgres:\/\/postgres:[^@]+@/, "postgres://postgres:wrong@");
    await expect(sql(wrong, "SELECT 1")).rejects.toThrow(/password authentication failed/);

    await first.stop();
    await first.stop(); // idempotent
    expect(await portIsFree(port)).toBe(true);
    expect(fs.existsSync(path.join(dir, "postmaster.pid"))).toBe(false);

    const restartLogs: string[] = [];
    const second = await start(dir, port, restartLogs);
    expect(restartLogs).not.toContain("initialising the embedded PostgreSQL cluster");
    expect(second.url).toBe(first.url); // same password
    expect(await sql(second.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    await second.stop();
  });

  it("a busy port gives an error that names LOUPE_PG_PORT", async () => {
    const dir = path.join(root, "busy", "pg");
    fs.mkdirSync(path.dirname(dir), { mode: 0o755 });
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const err = await start(dir, port).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EmbeddedPostgresError);
      expect((err as Error).message).toBe(
        `port ${port} for the embedded PostgreSQL is in use; free it or set LOUPE_PG_PORT to another port`,
      );
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it("an unwritable data directory gives an error that names LOUPE_DATA_DIR (and does not hang)", async () => {
    // Under /proc, mkdir answers ENOENT although the parent exists; Node's recursive mkdir loops forever on it.
    const err = await start("/proc/loupe-cannot-write-here/pg", await freePort()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddedPostgresError);
    expect((err as Error).message).toBe(
      "data directory /proc/loupe-cannot-write-here is not writable; choose another with LOUPE_DATA_DIR",
    );
  }, 10_000);

  it("stops a postgres left running for the same directory (after a crash) and starts", async () => {
    const dir = path.join(root, "orphan", "pg");
    fs.mkdirSync(path.dirname(dir), { mode: 0o755 });
    const port = await freePort();
    // Simulate a `kill -9` of Loupe: its server is started and never stopped by its owner.
    const orphan = await start(dir, port);
    await sql(orphan.url, `CREATE TABLE survived (v INT); INSERT INTO survived VALUES (42)`);
    const orphanPid = postmasterPid(dir);
    expect(alive(orphanPid)).toBe(true);

    // Another directory is not its business: the postgres serving `orphan` is left alone, and
    // the port it holds is reported as busy.
    const otherDir = path.join(root, "other", "pg");
    fs.mkdirSync(path.dirname(otherDir), { mode: 0o755 });
    await expect(start(otherDir, port)).rejects.toThrow(/LOUPE_PG_PORT/);
    expect(alive(orphanPid)).toBe(true);
    expect(await sql(orphan.url, "SELECT v FROM survived")).toEqual([{ v: 42 }]);

    // The same directory: the next start finds the running postmaster, stops it and takes over.
    const logs: string[] = [];
    const next = await start(dir, port, logs);
    expect(logs).toContain(`stopping PostgreSQL left running by an earlier crash (pid ${orphanPid})`);
    expect(alive(orphanPid)).toBe(false);
    expect(postmasterPid(dir)).not.toBe(orphanPid);
    expect(await sql(next.url, "SELECT v FROM survived")).toEqual([{ v: 42 }]);
    await next.stop();
    expect(await portIsFree(port)).toBe(true);
  });

  it("starts after a stale postmaster.pid whose process is gone", async () => {
    const dir = path.join(root, "stale", "pg");
    fs.mkdirSync(path.dirname(dir), { mode: 0o755 });
    const port = await freePort();
    const first = await start(dir, port);
    await sql(first.url, `CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('still here')`);
    await first.stop();
    // As after a power cut: postmaster.pid names a process that no longer exists.
    const pidFile = path.join(dir, "postmaster.pid");
    fs.writeFileSync(pidFile, `999999\n${dir}\n`);
    const st = fs.statSync(dir);
    fs.chownSync(pidFile, st.uid, st.gid);
    const again = await start(dir, port);
    expect(await sql(again.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    await again.stop();
  });
});
