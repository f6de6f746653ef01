/**
 * One video as the stages see it, read with ffmpeg at most three times: ffprobe for the header,
 * one seek for the middle frame (the working image and the model stages' image, so every image
 * stage also judges videos), and one decode of the whole video at a small fixed size and rate,
 * streamed into frame differences for the motion and scene stages. That decode is also the
 * decode check: ffmpeg reports a truncated or damaged stream on stderr, which makes it an
 * item-level error with ffmpeg's own words.
 *
 * Items given as bytes (tar members, downloads) are written to a private temporary file first,
 * because ffprobe must seek (an MP4's index may sit at its end); `close()` removes it.
 */
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  lastStderrLine,
  probeVideoStream,
  runMediaTool,
  toolInput,
  VideoMetricError,
  type VideoStreamInfo,
} from "@loupe/evaluators";
import type { GrayImage } from "../image/gray-image";
import { ImageProbe, type ImageHeader } from "../image/image-probe";
import { MediaProbeError, type MediaProbe } from "../media-probe";
import { FrameDifferenceRecorder, type FrameDifferences } from "./frame-differences";

/** Frames per second of the analysis decode (a video's own rate when lower). */
export const ANALYSIS_FPS = 10;
/** Longest side of the analysis frames: cuts and motion show at this size, and it decodes fast. */
export const ANALYSIS_SIDE = 128;
/** The analysis reads at most this much of a video; a longer one is measured on its start. */
export const MAX_ANALYSED_SECONDS = 600;
const TOOL_TIMEOUT_MS = 300_000;

export class VideoProbeError extends MediaProbeError {
  override name = "VideoProbeError";
}

export type VideoHeader = {
  /** A short container name: mp4, webm, mkv, avi, … (ffprobe's demuxer name otherwise). */
  format: string;
  codec: string;
  width: number;
  height: number;
  /** Frames per second; null when the file does not say. */
  fps: number | null;
  durationSeconds: number;
  bytes: number;
};

/** ffprobe names demuxers, several formats each; the first name a data team would write. */
const CONTAINER_NAMES: [RegExp, string][] = [
  [/\bmp4\b/, "mp4"],
  [/\bwebm\b/, "webm"],
  [/\bmatroska\b/, "mkv"],
  [/\bavi\b/, "avi"],
  [/\bgif\b/, "gif"],
];
const shortContainer = (name: string) => CONTAINER_NAMES.find(([re]) => re.test(name))?.[1] ?? name;

async function collectStdout(
  args: string[],
  maxBytes: number,
): Promise<{ stdout: Buffer; stderr: string; code: number | null }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const run = await runMediaTool("ffmpeg", args, {
    timeoutMs: TOOL_TIMEOUT_MS,
    onStdout: (chunk) => {
      size += chunk.length;
      if (size > maxBytes) throw new VideoProbeError(`ffmpeg wrote more than ${maxBytes} bytes`);
      chunks.push(chunk);
    },
  });
  return { stdout: Buffer.concat(chunks), stderr: run.stderr, code: run.code };
}

export class VideoProbe implements MediaProbe {
  readonly kind = "video";
  #file: Promise<string> | null = null;
  #tempDir: string | null = null;
  #stream: Promise<VideoStreamInfo & { duration: number }> | null = null;
  #frame: Promise<ImageProbe> | null = null;
  #differences: Promise<FrameDifferences> | null = null;

  constructor(
    readonly input: Buffer | string,
    readonly bytes: number,
    readonly maxPixels: number,
  ) {}

  async close(): Promise<void> {
    if (this.#tempDir) await fsp.rm(this.#tempDir, { recursive: true, force: true });
    this.#tempDir = null;
  }

  /** What ffprobe says: container, codec, size, frame rate, duration. */
  async video(): Promise<VideoHeader> {
    const s = await this.#probe();
    return {
      format: shortContainer(s.container),
      codec: s.codec,
      width: s.width,
      height: s.height,
      fps: s.fps,
      durationSeconds: s.duration,
      bytes: this.bytes,
    };
  }

  async header(): Promise<ImageHeader> {
    const v = await this.video();
    return {
      format: v.format,
      width: v.width,
      height: v.height,
      bytes: v.bytes,
      pages: v.fps === null ? 0 : Math.round(v.durationSeconds * v.fps),
      orientation: 1,
      hasAlpha: false,
    };
  }

  async working(): Promise<GrayImage> {
    return (await this.#middleFrame()).working();
  }

  async reduced(width: number, height: number): Promise<GrayImage> {
    return (await this.#middleFrame()).reduced(width, height);
  }

  async encoded(): Promise<Buffer> {
    return (await this.#middleFrame()).encoded();
  }

  /** The analysis decode: consecutive-frame differences at ANALYSIS_SIDE and ANALYSIS_FPS. */
  differences(): Promise<FrameDifferences> {
    this.#differences ??= this.#analyse();
    return this.#differences;
  }

  /** The analysis frames' size: the video's, scaled so the longest side is at most ANALYSIS_SIDE. */
  async #analysisSize(): Promise<{ width: number; height: number }> {
    const { width, height } = await this.#probe();
    const scale = Math.min(1, ANALYSIS_SIDE / Math.max(width, height));
    return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
  }

  #path(): Promise<string> {
    this.#file ??= (async () => {
      if (typeof this.input === "string") return this.input;
      if (this.bytes === 0) throw new VideoProbeError("the file is empty (0 bytes)");
      this.#tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), "loupe-curate-"));
      const file = path.join(this.#tempDir, "item");
      await fsp.writeFile(file, this.input, { mode: 0o600 });
      return file;
    })();
    return this.#file;
  }

  #probe(): Promise<VideoStreamInfo & { duration: number }> {
    this.#stream ??= (async () => {
      if (this.bytes === 0) throw new VideoProbeError("the file is empty (0 bytes)");
      let stream: VideoStreamInfo;
      try {
        stream = await probeVideoStream(await this.#path(), TOOL_TIMEOUT_MS);
      } catch (err) {
        if (err instanceof VideoMetricError) throw new VideoProbeError(err.message);
        throw err;
      }
      const pixels = stream.width * stream.height;
      if (pixels > this.maxPixels)
        throw new VideoProbeError(
          `its frames have ${stream.width}×${stream.height} = ${pixels.toLocaleString("en-US")} pixels, above the limit of ${this.maxPixels.toLocaleString("en-US")}`,
        );
      if (stream.duration === null) throw new VideoProbeError("its duration could not be read");
      return { ...stream, duration: stream.duration };
    })();
    return this.#stream;
  }

  #middleFrame(): Promise<ImageProbe> {
    this.#frame ??= (async () => {
      const s = await this.#probe();
      const file = await this.#path();
      const run = await collectStdout(
        [
          ...["-nostdin", "-v", "error", "-ss", (s.duration / 2).toFixed(3), "-i", toolInput(file)],
          ...["-map", `0:${s.index}`, "-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "pipe:1"],
        ],
        // A PNG is never much larger than the raw RGB frame.
        s.width * s.height * 4 + 1024 * 1024,
      );
      if (run.code !== 0 || run.stdout.length === 0)
        throw new VideoProbeError(
          `its middle frame does not decode (${lastStderrLine(run.stderr) ?? `ffmpeg exited with ${run.code}`})`,
        );
      return new ImageProbe(run.stdout, run.stdout.length, this.maxPixels);
    })();
    return this.#frame;
  }

  async #analyse(): Promise<FrameDifferences> {
    const s = await this.#probe();
    const file = await this.#path();
    const { width, height } = await this.#analysisSize();
    const fps = Math.min(ANALYSIS_FPS, s.fps ?? ANALYSIS_FPS);
    const frameBytes = width * height;
    const recorder = new FrameDifferenceRecorder();
    // Frames arrive as a bare byte stream; cut it at frame boundaries whatever the chunk sizes.
    let partial = new Uint8Array(frameBytes);
    let filled = 0;
    const run = await runMediaTool(
      "ffmpeg",
      [
        ...["-nostdin", "-v", "error", "-t", String(MAX_ANALYSED_SECONDS), "-i", toolInput(file)],
        ...["-map", `0:${s.index}`, "-vf", `fps=${fps},scale=${width}:${height}:flags=area,format=gray`],
        ...["-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"],
      ],
      {
        timeoutMs: TOOL_TIMEOUT_MS,
        onStdout: (chunk) => {
          let offset = 0;
          while (offset < chunk.length) {
            const take = Math.min(frameBytes - filled, chunk.length - offset);
            partial.set(chunk.subarray(offset, offset + take), filled);
            filled += take;
            offset += take;
            if (filled === frameBytes) {
              recorder.add(partial);
              partial = new Uint8Array(frameBytes);
              filled = 0;
            }
          }
        },
      },
    );
    const reason = lastStderrLine(run.stderr);
    if (run.code !== 0)
      throw new VideoProbeError(`does not decode (${reason ?? `ffmpeg exited with ${run.code}`})`);
    // With `-v error` anything on stderr is damage, even when ffmpeg exits 0 after what it could read.
    if (reason !== null) throw new VideoProbeError(`truncated or damaged (${reason})`);
    if (recorder.frames === 0) throw new VideoProbeError("no frame decodes");
    return recorder.result(fps);
  }
}

/** The probe as a video; a video stage given an image is a bug in the stage registry, said plainly. */
export function asVideo(probe: MediaProbe): VideoProbe {
  if (!(probe instanceof VideoProbe)) throw new Error("a video stage was given an image");
  return probe;
}
