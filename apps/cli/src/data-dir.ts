/**
 * The data directory: created on demand, checked writable, and locked by a pid file so two
 * `loupe start` never share it. A pid file left by a killed process (kill -9) is stale when
 * its pid is no longer a running loupe, and is replaced.
 */
import fs from "node:fs";
import crypto from "node:crypto";
import { dataPaths, type DataPaths } from "@loupe/config";
import { mkdirp } from "@loupe/db/embedded";
import { CliError } from "./errors";

export function prepareDataDir(dir: string): DataPaths {
  const paths = dataPaths(dir);
  try {
    mkdirp(dir); // not fs.mkdirSync({ recursive }): on Node 20 it spins forever under /proc
    const probe = `${dir}/.write-test-${process.pid}`;
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch {
    throw new CliError(
      `data directory ${dir} is not writable; fix its permissions or set LOUPE_DATA_DIR to another folder`,
    );
  }
  return paths;
}

function runningPid(file: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(file, "utf8").trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  try {
    // A recycled pid that now belongs to some other program does not hold the lock.
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!/node|loupe|tsx/.test(cmd)) return null;
  } catch {
    /* no /proc: trust the pid */
  }
  return pid;
}

/** Take the data-dir lock; returns a release function. */
export function lockDataDir(paths: DataPaths): () => void {
  const other = runningPid(paths.pidFile);
  if (other !== null) {
    throw new CliError(
      `another Loupe (pid ${other}) is already running on ${paths.root}; stop it first or set LOUPE_DATA_DIR to another folder`,
    );
  }
  fs.writeFileSync(paths.pidFile, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(paths.pidFile, "utf8").trim() === String(process.pid)) fs.rmSync(paths.pidFile);
    } catch {
      /* already gone */
    }
  };
}

export function isLocked(paths: DataPaths): boolean {
  return runningPid(paths.pidFile) !== null;
}

/** The auth secret: LOUPE_AUTH_SECRET, else generated once and kept in the data dir (mode 0600). */
export function readOrCreateSecret(paths: DataPaths, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  try {
    const stored = JSON.parse(fs.readFileSync(paths.secrets, "utf8")) as { authSecret?: unknown };
    if (typeof stored.authSecret === "string" && stored.authSecret.length >= 32) return stored.authSecret;
  } catch {
    /* first start */
  }
  const authSecret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(paths.secrets, JSON.stringify({ authSecret }, null, 2) + "\n", { mode: 0o600 });
  return authSecret;
}
