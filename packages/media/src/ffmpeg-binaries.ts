/**
 * Where ffmpeg and ffprobe come from, and the one way they are run. A system binary on PATH wins
 * (usually newer, and what the operator chose); otherwise the static build shipped inside
 * `@ffmpeg-installer/*` / `@ffprobe-installer/*`, so a first run needs nothing installed.
 *
 * Tools are always started with an argument vector (execFile), never through a shell, so a file
 * name can never become a command.
 */
import { execFile } from "node:child_process";
import path from "node:path";

export type MediaTool = "ffmpeg" | "ffprobe";

export class MediaToolMissingError extends Error {
  override name = "MediaToolMissingError";
}

export type ToolResult = { stdout: Buffer; stderr: string };

export type RunOptions = {
  /** Killed after this long: a hostile file must not hang an import. */
  timeoutMs?: number;
  /** Largest stdout accepted (the poster frame is the biggest thing read this way). */
  maxStdoutBytes?: number;
};

type ExecError = Error & { code?: string | number; killed?: boolean; signal?: string };

function exec(file: string, args: string[], opts: RunOptions = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        encoding: "buffer",
        timeout: opts.timeoutMs ?? 60_000,
        maxBuffer: opts.maxStdoutBytes ?? 16 * 1024 * 1024,
        windowsHide: true,
      },
      (err, stdout, stderr) => {
        const text = stderr.toString("utf8");
        if (err) reject(Object.assign(err as ExecError, { stderr: text }));
        else resolve({ stdout, stderr: text });
      },
    );
  });
}

async function packagedPath(tool: MediaTool): Promise<string> {
  try {
    // Dynamic imports so the packaged binary is only looked for when no system one exists
    // (the installer packages throw at import on platforms they do not ship for).
    const mod =
      tool === "ffmpeg"
        ? await import("@ffmpeg-installer/ffmpeg")
        : await import("@ffprobe-installer/ffprobe");
    return (mod.default ?? mod).path;
  } catch (err) {
    throw new MediaToolMissingError(
      `${tool} is not installed: put it on PATH or install @${tool}-installer/${tool} (${String(err)})`,
    );
  }
}

async function resolveTool(tool: MediaTool): Promise<string> {
  try {
    // Spawning by bare name searches PATH the way the OS does (no reading of the environment here).
    await exec(tool, ["-version"], { timeoutMs: 10_000 });
    return tool;
  } catch (err) {
    if ((err as ExecError).code !== "ENOENT") throw err;
    return packagedPath(tool);
  }
}

const resolved = new Map<MediaTool, Promise<string>>();

/** The path (or PATH name) of the tool, looked up once per process. */
export function toolPath(tool: MediaTool): Promise<string> {
  let found = resolved.get(tool);
  if (!found) {
    found = resolveTool(tool);
    // A failed lookup is not cached: installing the tool should not need a restart.
    found.catch(() => resolved.delete(tool));
    resolved.set(tool, found);
  }
  return found;
}

/** Runs ffmpeg or ffprobe with `args`; rejects with the tool's stderr attached on a non-zero exit. */
export async function runTool(tool: MediaTool, args: string[], opts: RunOptions = {}): Promise<ToolResult> {
  return exec(await toolPath(tool), args, opts);
}

/**
 * A file argument for ffmpeg/ffprobe: absolute and with the `file:` protocol, so a name such as
 * `-y`, `concat:a|b` or `http://…` is only ever a local file name.
 */
export function toolInput(file: string): string {
  return `file:${path.resolve(file)}`;
}

/** The first meaningful line of a failed run, for a one-line reason. */
export function toolFailure(err: unknown): string {
  const e = err as ExecError & { stderr?: string };
  if (e.killed || e.signal === "SIGTERM") return "it took too long to read";
  const line = (e.stderr ?? "")
    .split("\n")
    // "[mov,mp4 @ 0x…] " and "file:/tmp/…: " prefixes say nothing to the person reading the report.
    .map((l) =>
      l
        .replace(/^\[[^\]]*\]\s*/, "")
        .replace(/^file:\S*?: /, "")
        .trim(),
    )
    .find((l) => l.length > 0);
  return line ?? (e.message || "unknown error").split("\n")[0]!;
}
