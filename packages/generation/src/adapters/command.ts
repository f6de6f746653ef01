/**
 * `command`: runs the user's own program — the natural way to drive Python sampling code on a GPU
 * box. The job goes in as one JSON object on stdin:
 *
 *   {"prompt": "...", "prompt_id": "17", "seed": 42, "params": {...}, "output_dir": "/tmp/..."}
 *
 * and the program writes exactly one media file into `output_dir`. It may print a JSON object as
 * the last line of stdout to report what it did ({"steps": 4}). It runs without a shell, with
 * CUDA_VISIBLE_DEVICES set to its GPU slot; on timeout or cancel it gets SIGTERM, then SIGKILL.
 */
import { spawn } from "node:child_process";
import fsp from "node:fs/promises";
import path from "node:path";
import {
  GenerationError,
  type GeneratedMedia,
  type GenerationAdapter,
  type GenerationRequest,
} from "../adapter";
import type { CommandAdapterConfig } from "../config";

/** How long a program has after SIGTERM to exit before it is killed. */
const KILL_GRACE_MS = 3000;
/** The tail of stderr kept for the error message. */
const STDERR_TAIL = 2000;

export class CommandAdapter implements GenerationAdapter {
  readonly kind = "command";
  readonly usesGpu: boolean;

  constructor(private readonly config: CommandAdapterConfig) {
    this.usesGpu = config.usesGpu;
  }

  async generate(request: GenerationRequest): Promise<GeneratedMedia> {
    const [program, ...args] = this.config.command as [string, ...string[]];
    const job = {
      prompt: request.prompt,
      prompt_id: request.promptId,
      seed: request.seed <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(request.seed) : request.seed.toString(),
      params: request.params,
      output_dir: request.workDir,
    };
    const env: NodeJS.ProcessEnv = { ...withoutLoupeSecrets(process.env), ...this.config.env };
    if (request.cudaVisibleDevices !== undefined) env.CUDA_VISIBLE_DEVICES = request.cudaVisibleDevices;
    const { code, signal, stdout, stderr } = await run(program, args, {
      cwd: this.config.cwd,
      env,
      stdin: JSON.stringify(job) + "\n",
      abort: request.signal,
    });
    if (request.signal.aborted) throw request.signal.reason;
    if (code !== 0) {
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      throw new GenerationError(`${program} ${how}${stderr ? `: ${stderr}` : ""}`, false);
    }
    const files = (await fsp.readdir(request.workDir, { withFileTypes: true })).filter((f) => f.isFile());
    if (files.length === 0)
      throw new GenerationError(`${program} exited cleanly but wrote no file into output_dir`, false);
    if (files.length > 1)
      throw new GenerationError(
        `${program} wrote ${files.length} files into output_dir (${files
          .map((f) => f.name)
          .slice(0, 5)
          .join(", ")}); write exactly one per job`,
        false,
      );
    const report = lastJsonLine(stdout);
    const steps = report?.steps;
    return {
      media: { path: path.join(request.workDir, files[0]!.name) },
      ...(typeof steps === "number" && Number.isInteger(steps) && steps >= 0 ? { steps } : {}),
    };
  }
}

/**
 * The worker's environment minus what only Loupe should hold — its database URL, server secret and
 * storage credentials — so a user's script never sees them. Everything else (PATH, HOME, CUDA,
 * Python and Hugging Face settings) passes through.
 */
export function withoutLoupeSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const hidden =
    /^(LOUPE_|DATABASE_URL$|PG(PASSWORD|PASSFILE|USER|HOST|DATABASE|SERVICE)$|AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)$)/;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !hidden.test(name))) as NodeJS.ProcessEnv;
}

type RunResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/**
 * Runs the program in its own process group (detached), so that a timeout or cancel can stop it
 * and everything it started (a wrapper's children, a `torchrun`), and so that Ctrl-C on the
 * worker does not reach it as if it had failed. Settles when the program exits: a grandchild that
 * keeps the pipes open cannot hold the lane.
 */
function run(
  program: string,
  args: string[],
  opts: { cwd?: string; env: NodeJS.ProcessEnv; stdin: string; abort: AbortSignal },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ["pipe", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout = (stdout + d).slice(-64 * 1024);
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr = (stderr + d).slice(-STDERR_TAIL);
    });
    // A program that never reads stdin must not fail the write.
    child.stdin.on("error", () => undefined);
    child.stdin.end(opts.stdin);
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        /* the group is gone already */
      }
    };
    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      signalGroup("SIGTERM");
      killTimer = setTimeout(() => signalGroup("SIGKILL"), KILL_GRACE_MS);
    };
    if (opts.abort.aborted) stop();
    else opts.abort.addEventListener("abort", stop, { once: true });
    child.once("error", (err: NodeJS.ErrnoException) => {
      opts.abort.removeEventListener("abort", stop);
      reject(
        new GenerationError(
          err.code === "ENOENT"
            ? `${program}: no such program on this machine${opts.cwd ? ` (or no folder ${opts.cwd})` : ""}`
            : `${program}: ${err.message}`,
          false,
        ),
      );
    });
    child.once("exit", (code, signal) => {
      clearTimeout(killTimer);
      opts.abort.removeEventListener("abort", stop);
      // Whatever it left running in its group goes with it, and with them the pipes; the last
      // output is read until they close (or a second at most).
      signalGroup("SIGKILL");
      const done = () => {
        clearTimeout(drain);
        child.stdout.destroy();
        child.stderr.destroy();
        resolve({ code, signal, stdout, stderr: stderr.trim().split("\n").slice(-5).join(" | ") });
      };
      const drain = setTimeout(done, 1000);
      child.once("close", done);
    });
  });
}

function lastJsonLine(stdout: string): Record<string, unknown> | null {
  const line = stdout.trim().split("\n").pop()?.trim();
  if (!line?.startsWith("{")) return null;
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
