/**
 * Re-encodes part of a video to H.264 MP4 (yuv420p, faststart), the one format every browser and
 * training loader reads: for the clips cut from kept videos, and for the previews a filter audit
 * shows. Re-encoding rather than copying streams makes the result start exactly at `start`, not at
 * the keyframe before it.
 */
import { lastStderrLine, runMediaTool, toolInput } from "@loupe/evaluators";
import type { Interval } from "./scene-cuts";

export class VideoEncodeError extends Error {
  override name = "VideoEncodeError";
}

export async function encodeMp4(
  file: string,
  span: Interval,
  out: string,
  opts: { maxSide?: number; audio?: boolean; crf?: number } = {},
): Promise<void> {
  // Even sizes: yuv420p needs them. "-2" keeps the aspect and rounds to even.
  const scale = opts.maxSide
    ? ["-vf", `scale='if(gt(iw,ih),min(iw,${opts.maxSide}),-2)':'if(gt(iw,ih),-2,min(ih,${opts.maxSide}))'`]
    : [];
  const run = await runMediaTool(
    "ffmpeg",
    [
      // Before -i: seek to the keyframe before, then decode up to the exact start.
      ...["-nostdin", "-v", "error", "-y", "-ss", span.start.toFixed(3), "-i", toolInput(file)],
      ...["-t", (span.end - span.start).toFixed(3), "-map", "0:v:0"],
      ...(opts.audio === false ? ["-an"] : ["-map", "0:a:0?", "-c:a", "aac"]),
      ...scale,
      ...["-c:v", "libx264", "-preset", "veryfast", "-crf", String(opts.crf ?? 18), "-pix_fmt", "yuv420p"],
      ...["-movflags", "+faststart", "-f", "mp4", out],
    ],
    { timeoutMs: 600_000, onStdout: () => {} },
  );
  if (run.code !== 0)
    throw new VideoEncodeError(
      `ffmpeg could not encode the video: ${lastStderrLine(run.stderr) ?? run.code}`,
    );
}
