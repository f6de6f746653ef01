/**
 * A poster frame for a video: one frame about 10% in (past fade-ins and black first frames),
 * scaled down by ffmpeg and turned into the same WebP thumbnail images get.
 */
import { MediaRejectedError } from "./errors";
import { runTool, toolFailure, toolInput } from "./ffmpeg-binaries";
import { makeThumbnail } from "./images";

/** The frame ffmpeg hands over is at most this wide or tall (sharp makes the final thumbnail). */
const FRAME_BOX = 640;

function frameSize(width: number, height: number): { w: number; h: number } {
  const scale = Math.min(1, FRAME_BOX / Math.max(width, height));
  // Even sizes: some pixel formats refuse odd ones.
  const even = (n: number) => Math.max(2, Math.round((n * scale) / 2) * 2);
  return { w: even(width), h: even(height) };
}

async function grabFrame(file: string, atSeconds: number, size: { w: number; h: number }): Promise<Buffer> {
  const { stdout } = await runTool(
    "ffmpeg",
    [
      "-nostdin",
      "-v",
      "error",
      // Before -i: a fast seek to the nearest keyframe, then decoding up to the exact time.
      "-ss",
      atSeconds.toFixed(3),
      "-i",
      toolInput(file),
      "-map",
      "0:v:0",
      "-frames:v",
      "1",
      "-vf",
      `scale=${size.w}:${size.h}`,
      "-f",
      "image2pipe",
      "-c:v",
      "png",
      "-",
    ],
    { timeoutMs: 60_000, maxStdoutBytes: 8 * 1024 * 1024 },
  );
  return stdout;
}

/** A WebP thumbnail (fits in `size`×`size`) of the frame ~10% into the video. */
export async function makePoster(
  file: string,
  video: { durationSeconds: number; width: number; height: number },
  size: number,
): Promise<Buffer> {
  const box = frameSize(video.width, video.height);
  let frame: Buffer;
  try {
    frame = await grabFrame(file, video.durationSeconds * 0.1, box);
    // A seek past the last decodable frame yields nothing: fall back to the very first frame.
    if (frame.length === 0) frame = await grabFrame(file, 0, box);
  } catch (err) {
    throw new MediaRejectedError(`no frame could be decoded (${toolFailure(err)})`);
  }
  if (frame.length === 0) throw new MediaRejectedError("no frame could be decoded");
  return makeThumbnail(frame, size);
}
