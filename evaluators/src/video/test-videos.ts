/**
 * Tiny real videos for the tests, made by ffmpeg's synthetic sources with lossless codecs (FFV1
 * with RGB pixels in Matroska) so that decoded pixels are exactly the generated ones. The ffmpeg
 * binary is found as the implementation finds it (`@loupe/media`'s `toolPath`).
 */
import { execFile } from "node:child_process";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { toolPath } from "@loupe/media";

const run = promisify(execFile);

/** A scratch folder for one test file; remove it with `fsp.rm(dir, { recursive: true })`. */
export function scratchDir(): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), "loupe-video-test-"));
}

/**
 * Writes `<dir>/<name>` from an ffmpeg lavfi source graph, e.g. `testsrc=size=64x48:rate=10`
 * (a moving pattern) or `color=c=gray:size=64x48:rate=10` (a still one). `format=rgb24` keeps
 * the pixels in RGB from source to file (the color source would otherwise go through YUV).
 */
export async function makeVideo(
  dir: string,
  name: string,
  source: string,
  opts: { seconds?: number; frames?: number; outputArgs?: string[] } = {},
): Promise<string> {
  const out = path.join(dir, name);
  const length =
    opts.frames !== undefined ? ["-frames:v", String(opts.frames)] : ["-t", String(opts.seconds ?? 1)];
  await run(await toolPath("ffmpeg"), [
    "-nostdin",
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    `${source},format=rgb24`,
    ...length,
    ...(opts.outputArgs ?? ["-c:v", "ffv1", "-pix_fmt", "bgr0"]),
    out,
  ]);
  return out;
}

/** The raw RGB24 frames ffmpeg's lavfi source itself produces (no container, no codec). */
export async function rawSourceFrames(source: string, frames: number): Promise<Buffer> {
  const { stdout } = await run(
    await toolPath("ffmpeg"),
    [
      ...["-nostdin", "-v", "error", "-f", "lavfi", "-i", `${source},format=rgb24`],
      ...["-frames:v", String(frames), "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
    ],
    { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}
