/**
 * Runs ffmpeg or ffprobe for the video metrics. The binary is the one `@loupe/media` resolves
 * (`toolPath`: a system binary on PATH, else the one shipped in `@ffmpeg-installer/*`), but it is
 * spawned here rather than through the media package's `runTool`, which is not exported and
 * buffers the whole stdout: decoded frames are consumed as they stream out, under a byte budget.
 *
 * Always an argument vector (spawn, no shell), so a file name can never become a command.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { toolPath } from "@loupe/media";
import { VideoMetricError } from "./errors";

export type MediaTool = "ffmpeg" | "ffprobe";

export type ToolRun = {
  /** The exit code; null when the process ended on a signal. */
  code: number | null;
  stderr: string;
};

export type ToolRunOptions = {
  /** The process is killed after this long and the run rejects. */
  timeoutMs: number;
  /**
   * Called with each stdout chunk. If it throws (a limit was reached), the process is killed and
   * the run rejects with that error.
   */
  onStdout: (chunk: Buffer) => void;
};

/** Runs the tool to its end; rejects only on a spawn failure, a timeout or an `onStdout` error. */
export async function runMediaTool(tool: MediaTool, args: string[], opts: ToolRunOptions): Promise<ToolRun> {
  const file = await toolPath(tool);
  return new Promise<ToolRun>((resolve, reject) => {
    const child = spawn(file, args, { stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    const stderr: Buffer[] = [];
    let failure: Error | null = null;
    const fail = (err: Error) => {
      if (failure) return;
      failure = err;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(
      () => fail(new VideoMetricError(`${tool} took longer than ${Math.round(opts.timeoutMs / 1000)} s`)),
      opts.timeoutMs,
    );
    child.stdout.on("data", (chunk: Buffer) => {
      if (failure) return;
      try {
        opts.onStdout(chunk);
      } catch (err) {
        fail(err instanceof Error ? err : new Error(String(err)));
      }
    });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    // A process that could not start emits "error" and may never emit "close".
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(failure ?? new VideoMetricError(`${tool} could not be started (${err.message})`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else resolve({ code, stderr: Buffer.concat(stderr).toString("utf8") });
    });
  });
}

/**
 * A file argument for ffmpeg/ffprobe: absolute and with the `file:` protocol, so a name such as
 * `-y`, `concat:a|b` or `http://…` is only ever a local file (as `@loupe/media`'s `toolInput`).
 */
export function toolInput(file: string): string {
  return `file:${path.resolve(file)}`;
}

/**
 * The last meaningful stderr line, which is where ffmpeg says why it stopped ("Invalid data found
 * when processing input"). The "[matroska,webm @ 0x…]" and "file:/tmp/…: " prefixes are dropped:
 * they say nothing to the person reading the error.
 */
export function lastStderrLine(stderr: string): string | null {
  const lines = stderr
    .split("\n")
    .map((l) =>
      l
        .replace(/^\[[^\]]*\]\s*/, "")
        .replace(/^file:\S*?: /, "")
        .trim(),
    )
    .filter((l) => l.length > 0);
  return lines.at(-1) ?? null;
}
