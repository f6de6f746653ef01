/**
 * What ffprobe says about the video stream that will be decoded: its index, displayed size, frame
 * rate and duration. The frame size must be known before decoding, because ffmpeg's rawvideo
 * output is a bare byte stream with nothing marking where one frame ends.
 *
 * Unlike `@loupe/media`'s `probeVideo`, nothing is refused for not playing in a browser: a metric
 * reads any codec ffmpeg decodes (lossless FFV1 and PNG test videos included).
 */
import { z } from "zod";
import { VideoMetricError } from "./errors";
import { lastStderrLine, runMediaTool, toolInput } from "./media-tool";

export type VideoStreamInfo = {
  /** The stream's index in the container (for `-map 0:<index>`). */
  index: number;
  /** As decoded and displayed: ffmpeg applies a quarter-turn rotation tag, swapping the two. */
  width: number;
  height: number;
  /** Frames per second; null when the file does not say. */
  fps: number | null;
  /** Seconds (the container's, else the stream's); null when the file does not say. */
  duration: number | null;
  /** The codec as ffprobe names it ("h264", "vp9", "ffv1"). */
  codec: string;
  /** The container as ffprobe's demuxer names it ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm"). */
  container: string;
};

// Only the fields read; numbers arrive as strings in places.
const streamSchema = z.object({
  index: z.number(),
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
  format: z.object({ duration: z.string().optional(), format_name: z.string().optional() }).default({}),
});
type Stream = z.infer<typeof streamSchema>;

function parseRate(rate: string | undefined): number | null {
  const m = /^(\d+)\/(\d+)$/.exec(rate ?? "");
  if (!m || Number(m[2]) === 0) return null;
  const fps = Number(m[1]) / Number(m[2]);
  return Number.isFinite(fps) && fps > 0 ? fps : null;
}

function positive(value: string | undefined): number | null {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : null;
}

/** Phone videos store portrait frames as landscape plus a rotation, which ffmpeg applies. */
function isQuarterTurn(stream: Stream): boolean {
  const rotation = Number(
    stream.tags?.rotate ?? stream.side_data_list?.find((s) => s.rotation !== undefined)?.rotation ?? 0,
  );
  return Math.abs(rotation) % 180 === 90;
}

export async function probeVideoStream(file: string, timeoutMs: number): Promise<VideoStreamInfo> {
  const stdout: Buffer[] = [];
  const run = await runMediaTool(
    "ffprobe",
    ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", toolInput(file)],
    { timeoutMs, onStdout: (chunk) => stdout.push(chunk) },
  );
  if (run.code !== 0) {
    throw new VideoMetricError(
      `not a readable video (${lastStderrLine(run.stderr) ?? `ffprobe exited with ${run.code}`})`,
    );
  }
  let json: unknown = null;
  try {
    json = JSON.parse(Buffer.concat(stdout).toString("utf8") || "{}");
  } catch {
    // Reported below as an unusable answer.
  }
  const parsed = probeSchema.safeParse(json);
  if (!parsed.success) throw new VideoMetricError("not a readable video (ffprobe gave no usable answer)");
  // Cover art in audio files shows up as a one-picture "video" stream: it is not a video.
  const video = parsed.data.streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  if (!video) throw new VideoMetricError("not a video: the file has no video stream");
  let width = video.width ?? 0;
  let height = video.height ?? 0;
  if (!(width > 0 && height > 0)) throw new VideoMetricError("the video stream has no width or height");
  if (isQuarterTurn(video)) [width, height] = [height, width];
  return {
    index: video.index,
    width,
    height,
    fps: parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate),
    duration: positive(parsed.data.format.duration) ?? positive(video.duration),
    codec: video.codec_name ?? "unknown",
    container: parsed.data.format.format_name ?? "unknown",
  };
}
