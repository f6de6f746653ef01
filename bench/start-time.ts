/**
 * Time from `loupe start` to the sign-in page answering, on an already-initialised data dir
 * (the common case: every start after the first) and on a fresh one (initdb + migrations + demo seed).
 * Needs the built web app.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

async function timeOneStart(dataDir: string, port: number, pgPort: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, "scripts/loupe.mjs"), "start"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: "",
      LOUPE_DATA_DIR: dataDir,
      PORT: String(port),
      LOUPE_PG_PORT: String(pgPort),
    },
    stdio: "ignore",
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/sign-in`);
        if (res.status === 200) return (performance.now() - t0) / 1000;
      } catch {
        /* not up yet */
      }
      if (child.exitCode !== null) throw new Error("loupe start exited early");
      if (performance.now() - t0 > 180_000) throw new Error("loupe start did not serve /sign-in in 180 s");
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT");
    await exited;
  }
}

export async function benchStartTime() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-"));
  fs.chmodSync(dataDir, 0o755);
  try {
    const fresh = await timeOneStart(dataDir, 3791, 55491);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await timeOneStart(dataDir, 3791, 55491));
    warm.sort((a, b) => a - b);
    return {
      name: "loupe start → sign-in page",
      summary: `first start ${fresh.toFixed(1)} s (initdb, migrations, demo seed); later starts median ${warm[1]!.toFixed(1)} s (min ${warm[0]!.toFixed(1)}, max ${warm[2]!.toFixed(1)})`,
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
