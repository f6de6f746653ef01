/**
 * Reading video and audio files with ffprobe: what they are (decided from the streams, never from
 * the file name), how long, how large, and whether a browser can play them. Files are untrusted,
 * so byte, pixel and duration limits are checked here and every refusal is one readable line.
 *
 * Only what browsers play natively is accepted, because the original is later served back as-is
 * under the MIME type decided here: MP4/MOV (H.264, VP9, AV1) and WebM (VP8, VP9, AV1) for video;
 * MP3, WAV, Ogg (Vorbis/Opus/FLAC), FLAC and M4A (AAC) for audio.
 */
import fsp from "node:fs/promises";
import { z } from "zod";
import { MediaRejectedError, UnreadableMediaError } from "./errors";
import { runTool, toolFailure, toolInput } from "./ffmpeg-binaries";
import {
  assertByteLimit,
  DEFAULT_MAX_DURATION_SECONDS,
  DEFAULT_MAX_VIDEO_PIXELS,
  type AvLimits,
} from "./limits";

export type VideoInfo = {
  kind: "video";
  mime: string;
  durationSeconds: number;
  /** As displayed (rotation applied). */
  width: number;
  height: number;
  fps: number | null;
  codec: string;
  hasAudio: boolean;
};

export type AudioInfo = {
  kind: "audio";
  mime: string;
  durationSeconds: number;
  codec: string;
};

export type AvInfo = VideoInfo | AudioInfo;

// Only the fields used; ffprobe prints many more, and numbers arrive as strings in places.
const streamSchema = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  duration: z.string().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).partial().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  side_data_list: z.array(z.object({ rotation: z.number().optional() }).partial()).optional(),
});
const probeSchema = z.object({
  streams: z.array(streamSchema).default([]),
  format: z
    .object({ format_name: z.string().default(""), duration: z.string().optional() })
    .default({ format_name: "" }),
});
type Stream = z.infer<typeof streamSchema>;

/** Containers ffprobe names, and the codecs a browser plays inside each. */
const VIDEO_CONTAINERS: { formats: string[]; mime: string; video: string[]; audio: string[] }[] = [
  // MP4 and QuickTime share one demuxer; H.264 .mov files play in browsers when served as MP4.
  {
    formats: ["mov", "mp4"],
    mime: "video/mp4",
    video: ["h264", "vp9", "av1"],
    audio: ["aac", "mp3", "opus"],
  },
  // Matroska and WebM share one demuxer; WebM is Matroska restricted to these codecs.
  {
    formats: ["matroska", "webm"],
    mime: "video/webm",
    video: ["vp8", "vp9", "av1"],
    audio: ["vorbis", "opus"],
  },
];
const AUDIO_CONTAINERS: { formats: string[]; mime: string; audio: string[] }[] = [
  { formats: ["mp3"], mime: "audio/mpeg", audio: ["mp3"] },
  {
    formats: ["wav"],
    mime: "audio/wav",
    audio: ["pcm_s16le", "pcm_s24le", "pcm_s32le", "pcm_f32le", "pcm_u8"],
  },
  { formats: ["ogg"], mime: "audio/ogg", audio: ["vorbis", "opus", "flac"] },
  { formats: ["flac"], mime: "audio/flac", audio: ["flac"] },
  { formats: ["mov", "mp4", "m4a"], mime: "audio/mp4", audio: ["aac", "mp3", "alac", "flac", "opus"] },
  { formats: ["matroska", "webm"], mime: "audio/webm", audio: ["vorbis", "opus"] },
];

const ACCEPTED = "use MP4/MOV (H.264, VP9, AV1) or WebM for video, MP3, WAV, Ogg, FLAC or M4A for audio";

function parseRate(rate: string | undefined): number | null {
  const m = /^(\d+)\/(\d+)$/.exec(rate ?? "");
  if (!m || Number(m[2]) === 0) return null;
  const fps = Number(m[1]) / Number(m[2]);
  return Number.isFinite(fps) && fps > 0 ? Math.round(fps * 1000) / 1000 : null;
}

function durationOf(format: { duration?: string }, stream: Stream): number | null {
  for (const d of [format.duration, stream.duration]) {
    const n = Number(d);
    if (d !== undefined && Number.isFinite(n) && n > 0) return n;
  }
  return null;
}

/** Phone videos store portrait frames as landscape plus a rotation; report what is displayed. */
function isQuarterTurn(stream: Stream): boolean {
  const rotation = Number(
    stream.tags?.rotate ?? stream.side_data_list?.find((s) => s.rotation !== undefined)?.rotation ?? 0,
  );
  return Math.abs(rotation) % 180 === 90;
}

async function runProbe(file: string): Promise<z.infer<typeof probeSchema>> {
  let stdout: Buffer;
  try {
    ({ stdout } = await runTool(
      "ffprobe",
      ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", toolInput(file)],
      { timeoutMs: 30_000 },
    ));
  } catch (err) {
    if ((err as Error).name === "MediaToolMissingError") throw err;
    throw new UnreadableMediaError(toolFailure(err));
  }
  let json: unknown;
  try {
    json = JSON.parse(stdout.toString("utf8") || "{}");
  } catch {
    json = null;
  }
  const parsed = probeSchema.safeParse(json);
  if (!parsed.success) throw new UnreadableMediaError("ffprobe gave no usable answer");
  return parsed.data;
}

/**
 * Demuxes every packet without decoding (fast: bound by disk reads). A truncated or damaged
 * container whose header still looks fine is caught here, because ffmpeg reports the missing data.
 */
async function checkPackets(file: string): Promise<void> {
  let stderr: string;
  try {
    ({ stderr } = await runTool(
      "ffmpeg",
      ["-nostdin", "-v", "error", "-i", toolInput(file), "-map", "0", "-c", "copy", "-f", "null", "-"],
      { timeoutMs: 120_000 },
    ));
  } catch (err) {
    throw new MediaRejectedError(`it is damaged (${toolFailure(err)})`);
  }
  if (stderr.trim()) {
    throw new MediaRejectedError(`it is truncated or damaged (${toolFailure({ stderr })})`);
  }
}

/**
 * Audio is decoded end to end (cheap next to video), because a truncated WAV or MP3 demuxes
 * cleanly: only decoding sees the WAV's short last packet ("corrupt input packet", fatal with
 * -xerror), and only the MP3 demuxer compares the frame count its Xing/Info header declares with
 * the bytes present ("filesize and duration do not match", a warning). An MP3 without such a
 * header declares nothing, so a cut one is just a shorter valid file.
 */
async function checkAudioDecodes(file: string): Promise<void> {
  let stderr: string;
  try {
    ({ stderr } = await runTool(
      "ffmpeg",
      ["-nostdin", "-v", "warning", "-xerror", "-i", toolInput(file), "-map", "0:a", "-f", "null", "-"],
      { timeoutMs: 120_000 },
    ));
  } catch (err) {
    throw new MediaRejectedError(`it is truncated or damaged (${toolFailure(err)})`);
  }
  const truncated = /filesize and duration do not match|corrupt input packet|partial file|invalid data/i.exec(
    stderr,
  );
  if (truncated) throw new MediaRejectedError(`it is truncated or damaged (${truncated[0]})`);
}

/** The duration (format's, else the stream's), refused when unknown or over the limit. */
function durationWithin(format: { duration?: string }, stream: Stream, limits: AvLimits): number {
  const duration = durationOf(format, stream);
  const maxSeconds = limits.maxDurationSeconds ?? DEFAULT_MAX_DURATION_SECONDS;
  if (duration === null) throw new MediaRejectedError("its duration could not be read");
  if (duration > maxSeconds) {
    throw new MediaRejectedError(
      `it is ${Math.round(duration)} s long, over the ${Math.round(maxSeconds)} s limit`,
    );
  }
  return Math.round(duration * 1000) / 1000;
}

function matchContainer<T extends { formats: string[] }>(list: T[], formatName: string): T | undefined {
  const names = formatName.split(",");
  return list.find((c) => c.formats.some((f) => names.includes(f)));
}

function describeVideo(
  probe: z.infer<typeof probeSchema>,
  video: Stream,
  audio: Stream | undefined,
  limits: AvLimits,
): VideoInfo {
  const container = matchContainer(VIDEO_CONTAINERS, probe.format.format_name);
  const codec = video.codec_name ?? "unknown";
  if (!container) {
    throw new MediaRejectedError(`${probe.format.format_name || "this"} video is not accepted; ${ACCEPTED}`);
  }
  if (!container.video.includes(codec)) {
    throw new MediaRejectedError(
      `${codec} video in ${container.mime} is not playable in browsers; use ${container.video.join(", ")}`,
    );
  }
  if (audio && !container.audio.includes(audio.codec_name ?? "")) {
    throw new MediaRejectedError(
      `${audio.codec_name ?? "unknown"} audio in ${container.mime} is not playable in browsers; use ${container.audio.join(", ")}`,
    );
  }
  let width = video.width ?? 0;
  let height = video.height ?? 0;
  if (!(width > 0 && height > 0)) throw new MediaRejectedError("the video has no width or height");
  if (isQuarterTurn(video)) [width, height] = [height, width];
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_VIDEO_PIXELS;
  if (width * height > maxPixels) {
    throw new MediaRejectedError(`its frames are ${width}×${height}, over the ${maxPixels} pixel limit`);
  }
  return {
    kind: "video",
    mime: container.mime,
    durationSeconds: durationWithin(probe.format, video, limits),
    width,
    height,
    fps: parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate),
    codec,
    hasAudio: audio !== undefined,
  };
}

function describeAudio(probe: z.infer<typeof probeSchema>, audio: Stream, limits: AvLimits): AudioInfo {
  const codec = audio.codec_name ?? "unknown";
  const names = probe.format.format_name.split(",");
  const container = AUDIO_CONTAINERS.find(
    (c) => c.formats.some((f) => names.includes(f)) && c.audio.includes(codec),
  );
  if (!container) {
    throw new MediaRejectedError(
      `${codec} audio in ${probe.format.format_name} is not accepted; ${ACCEPTED}`,
    );
  }
  return {
    kind: "audio",
    mime: container.mime,
    durationSeconds: durationWithin(probe.format, audio, limits),
    codec,
  };
}

/**
 * Probes a video or audio file on disk (ffprobe needs a path to seek in MP4s), checking the
 * limits and the whole container. Rejects with `MediaRejectedError` and a one-line reason.
 */
export async function probeAv(file: string, limits: AvLimits = {}): Promise<AvInfo> {
  assertByteLimit((await fsp.stat(file)).size, limits);
  const probe = await runProbe(file);
  // Cover art in MP3/M4A files shows up as a one-frame "video" stream: it does not make a video.
  const video = probe.streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  const audio = probe.streams.find((s) => s.codec_type === "audio");
  let info: AvInfo;
  if (video) info = describeVideo(probe, video, audio, limits);
  else if (audio) info = describeAudio(probe, audio, limits);
  else throw new MediaRejectedError(`it has no video or audio stream; ${ACCEPTED}`);
  await checkPackets(file);
  if (info.kind === "audio") await checkAudioDecodes(file);
  return info;
}

export async function probeVideo(file: string, limits: AvLimits = {}): Promise<VideoInfo> {
  const info = await probeAv(file, limits);
  if (info.kind !== "video") throw new MediaRejectedError("it is an audio file, not a video");
  return info;
}

export async function probeAudio(file: string, limits: AvLimits = {}): Promise<AudioInfo> {
  const info = await probeAv(file, limits);
  if (info.kind !== "audio") throw new MediaRejectedError("it is a video, not an audio file");
  return info;
}
