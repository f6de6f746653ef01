/**
 * Decodes a video into RGB24 frames for the video metrics, with ffmpeg (`-f rawvideo -pix_fmt
 * rgb24` to stdout), the way VBench's readers hand frames to its dimensions: every decoded frame
 * in order (cv2.VideoCapture in vbench/temporal_flickering.py `get_frames`; decord's VideoReader
 * over all indices in vbench/utils.py `load_video`), 8 bits per channel, no resizing. Channel order
 * is RGB (cv2 gives BGR; the pixel-difference metrics do not depend on the order).
 *
 * Input is untrusted: the frame size is checked against a pixel limit before decoding, the decoded
 * bytes against a budget while decoding, and the run against a time limit. Anything ffmpeg cannot
 * read, or reports damaged while decoding, is a `VideoMetricError` carrying ffmpeg's own last
 * stderr line, never a shorter video read in silence.
 */
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DEFAULT_MAX_VIDEO_PIXELS } from "@loupe/media";
import { VideoMetricError } from "./errors";
import { FrameCollector } from "./frame-collector";
import { lastStderrLine, runMediaTool, toolInput } from "./media-tool";
import { probeVideoStream } from "./probe-video-stream";

export type VideoFrames = {
  width: number;
  height: number;
  /** One Uint8Array per frame: width × height × 3 bytes, RGB, row-major, interleaved. */
  frames: Uint8Array[];
  /** Frames per second of `frames`: the requested `fps`, else the video's own rate. */
  fps: number;
  /** Seconds: the source video's duration (container's, else stream's; else frames ÷ fps). */
  duration: number;
};

export type ReadFramesOptions = {
  /** Decode only the first `maxFrames` frames (after `fps` resampling). Default: every frame, as VBench. */
  maxFrames?: number;
  /** Resample to this frame rate first (ffmpeg's `fps` filter). Default: the video's own frames. */
  fps?: number;
  /** Largest frame (width × height) accepted. Default: `@loupe/media`'s DEFAULT_MAX_VIDEO_PIXELS (8K UHD). */
  maxPixels?: number;
  /** Largest total of decoded bytes (frames × width × height × 3). Default: 1 GiB. */
  maxDecodedBytes?: number;
  /** Time limit for each ffprobe/ffmpeg run. Default: 120 s. */
  timeoutMs?: number;
};

export const DEFAULT_MAX_DECODED_BYTES = 1024 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 120_000;

function checkPositive(name: string, value: number | undefined, integer: boolean): void {
  if (value === undefined) return;
  if (!(Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value))))
    throw new VideoMetricError(
      `${name} must be a positive ${integer ? "whole number" : "number"} (got ${value})`,
    );
}

/**
 * Runs `fn` with the input as a file: ffprobe must seek (MP4 headers may sit at the end), so bytes
 * are written to a private temporary file, named without an extension so that the format is
 * decided from the content alone.
 */
async function withInputFile<T>(input: string | Buffer, fn: (file: string) => Promise<T>): Promise<T> {
  if (typeof input === "string") return fn(input);
  if (input.length === 0) throw new VideoMetricError("not a readable video (the file is empty)");
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "loupe-video-"));
  try {
    const file = path.join(dir, "input");
    await fsp.writeFile(file, input, { mode: 0o600 });
    return await fn(file);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

/** Decodes the frames of a video file (a path, or its bytes). Rejects with `VideoMetricError`. */
export async function readFrames(input: string | Buffer, opts: ReadFramesOptions = {}): Promise<VideoFrames> {
  checkPositive("maxFrames", opts.maxFrames, true);
  checkPositive("fps", opts.fps, false);
  checkPositive("maxPixels", opts.maxPixels, false);
  checkPositive("maxDecodedBytes", opts.maxDecodedBytes, false);
  checkPositive("timeoutMs", opts.timeoutMs, false);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return withInputFile(input, async (file) => {
    const stream = await probeVideoStream(file, timeoutMs);
    const { width, height } = stream;
    const maxPixels = opts.maxPixels ?? DEFAULT_MAX_VIDEO_PIXELS;
    if (width * height > maxPixels)
      throw new VideoMetricError(`its frames are ${width}×${height}, over the ${maxPixels} pixel limit`);
    const fps = opts.fps ?? stream.fps;
    if (fps === null) throw new VideoMetricError("its frame rate could not be read; pass fps");

    const collector = new FrameCollector(
      width * height * 3,
      opts.maxDecodedBytes ?? DEFAULT_MAX_DECODED_BYTES,
    );
    const run = await runMediaTool(
      "ffmpeg",
      [
        "-nostdin",
        "-v",
        "error",
        "-i",
        toolInput(file),
        "-map",
        `0:${stream.index}`,
        ...(opts.fps !== undefined ? ["-vf", `fps=${opts.fps}`] : []),
        ...(opts.maxFrames !== undefined ? ["-frames:v", String(opts.maxFrames)] : []),
        ...["-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
      ],
      { timeoutMs, onStdout: (chunk) => collector.push(chunk) },
    );
    const reason = lastStderrLine(run.stderr);
    if (run.code !== 0)
      throw new VideoMetricError(
        `the video could not be decoded (${reason ?? `ffmpeg exited with ${run.code}`})`,
      );
    // With `-v error`, anything on stderr is a decoding error (a truncated or damaged stream), even
    // when ffmpeg still exits with 0 after the frames it managed to decode.
    if (reason !== null) throw new VideoMetricError(`the video is truncated or damaged (${reason})`);
    if (collector.leftoverBytes !== 0)
      throw new VideoMetricError(`the decoded frames do not match the probed frame size ${width}×${height}`);
    if (collector.frames.length === 0) throw new VideoMetricError("no frame could be decoded");

    return {
      width,
      height,
      frames: collector.frames,
      fps,
      duration: stream.duration ?? collector.frames.length / fps,
    };
  });
}
