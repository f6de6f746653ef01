/** Runs the real `loupe` command as a child process and watches its output. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../../..");

export type LoupeProcess = {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  exited: Promise<number | null>;
};

const spawned = new Set<ChildProcess>();

/** Kill whatever a failed test left running, so it cannot hold ports for the next test. */
export function killAllLoupes(): void {
  for (const c of spawned) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  spawned.clear();
}

export function runLoupe(args: string[], env: Record<string, string>, stdin?: string): LoupeProcess {
  const child = spawn(process.execPath, [path.join(repoRoot, "scripts/loupe.mjs"), ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: "", LOUPE_DEMO: "0", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (stdin !== undefined) child.stdin!.end(stdin);
  spawned.add(child);
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (b: Buffer) => {
    out += b.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const waitFor = (pattern: RegExp, timeoutMs = 90_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const m = out.match(pattern);
        if (m) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(m[0]);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${pattern}; output so far:\n${out}`));
      }, timeoutMs);
      listeners.add(check);
      void exited.then(() =>
        setTimeout(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`loupe exited before ${pattern}; output:\n${out}`));
          }
        }, 50),
      );
      check();
    });
  return { child, output: () => out, waitFor, exited };
}

/** Run to completion; returns exit code and all output. */
export async function runLoupeToEnd(args: string[], env: Record<string, string>, stdin?: string) {
  const p = runLoupe(args, env, stdin);
  const code = await p.exited;
  return { code, output: p.output() };
}
