import fsp from "node:fs/promises";
import path from "node:path";
import { makeTestMedia } from "@loupe/media/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VideoMetricError } from "./errors";
import { readFrames } from "./read-frames";
import { temporalFlickering } from "./temporal-flickering";
import { makeVideo, rawSourceFrames, scratchDir } from "./test-videos";

// Real videos made with ffmpeg's lavfi sources, in FFV1 (lossless, RGB) so pixels are exact.
const MOVING = "testsrc=size=64x48:rate=10"; // a moving test pattern (a counter and a sweeping box)
const STILL = "color=c=gray:size=64x48:rate=10"; // every frame (128, 128, 128)
const FRAME_BYTES = 64 * 48 * 3;

let dir = "";
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = await scratchDir();
  files.moving = await makeVideo(dir, "moving.mkv", MOVING);
  files.still = await makeVideo(dir, "still.mkv", STILL);
  files.red = await makeVideo(dir, "red.mkv", "color=c=red:size=4x2:rate=10", { frames: 2 });
  files.one = await makeVideo(dir, "one.mkv", MOVING, { frames: 1 });
  files.audio = path.join(dir, "audio.wav");
  await fsp.writeFile(files.audio, await makeTestMedia({ kind: "wav" }));
  // Not a video at all, and a real video cut after its first few frames.
  files.corrupt = path.join(dir, "corrupt.mp4");
  await fsp.writeFile(files.corrupt, "this is not a video, only some text pretending to be one\n".repeat(20));
  files.truncated = path.join(dir, "truncated.mkv");
  await fsp.writeFile(files.truncated, (await fsp.readFile(files.moving)).subarray(0, 3000));
}, 60_000);

afterAll(async () => {
  if (dir) await fsp.rm(dir, { recursive: true, force: true });
});

describe("readFrames", { timeout: 30_000 }, () => {
  it("decodes every frame, exactly, as RGB24, with the size, rate and duration", async () => {
    const video = await readFrames(files.moving!);
    expect(video).toMatchObject({ width: 64, height: 48, fps: 10, duration: 1 });
    expect(video.frames).toHaveLength(10);
    for (const f of video.frames) expect(f.length).toBe(FRAME_BYTES);
    // The same bytes ffmpeg's source produces before any container or codec.
    const raw = await rawSourceFrames(MOVING, 10);
    expect(Buffer.concat(video.frames).equals(raw)).toBe(true);
  });

  it("orders the channels R, G, B", async () => {
    const { frames } = await readFrames(files.red!);
    expect(frames).toHaveLength(2);
    expect([...frames[0]!.subarray(0, 6)]).toEqual([255, 0, 0, 255, 0, 0]);
  });

  it("reads bytes as it reads a path", async () => {
    const fromPath = await readFrames(files.moving!);
    const fromBytes = await readFrames(await fsp.readFile(files.moving!));
    expect(fromBytes.frames).toHaveLength(10);
    expect(Buffer.concat(fromBytes.frames).equals(Buffer.concat(fromPath.frames))).toBe(true);
  });

  it("takes the first maxFrames frames, and resamples to fps", async () => {
    const all = await readFrames(files.moving!);
    const first3 = await readFrames(files.moving!, { maxFrames: 3 });
    expect(first3.frames).toHaveLength(3);
    expect(Buffer.concat(first3.frames).equals(Buffer.concat(all.frames.slice(0, 3)))).toBe(true);
    const at5 = await readFrames(files.moving!, { fps: 5 });
    expect(at5.fps).toBe(5);
    expect(at5.frames).toHaveLength(5);
    // 10 → 5 fps keeps every other frame: 0, 2, 4, 6, 8.
    at5.frames.forEach((f, i) => expect(Buffer.from(f).equals(Buffer.from(all.frames[2 * i]!))).toBe(true));
  });

  it("reads a one-frame video as one frame", async () => {
    const video = await readFrames(files.one!);
    expect(video.frames).toHaveLength(1);
    expect(video.fps).toBe(10);
  });

  it("rejects a file that is not a video with ffmpeg's reason", async () => {
    const err = await readFrames(files.corrupt!).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VideoMetricError);
    expect((err as Error).message).toMatch(
      /^not a readable video \(Invalid data found when processing input\)$/,
    );
    await expect(readFrames(await fsp.readFile(files.corrupt!))).rejects.toThrow(/Invalid data found/);
  });

  it("rejects a truncated video instead of returning its first frames", async () => {
    await expect(readFrames(files.truncated!)).rejects.toThrow(VideoMetricError);
    await expect(readFrames(files.truncated!)).rejects.toThrow(/truncated or damaged|could not be decoded/);
  });

  it("rejects an audio file, an empty buffer and a missing file", async () => {
    await expect(readFrames(files.audio!)).rejects.toThrow(/no video stream/);
    await expect(readFrames(Buffer.alloc(0))).rejects.toThrow(/empty/);
    await expect(readFrames(path.join(dir, "missing.mkv"))).rejects.toThrow(VideoMetricError);
  });

  it("enforces the pixel limit before decoding and the byte budget while decoding", async () => {
    await expect(readFrames(files.moving!, { maxPixels: 64 * 48 - 1 })).rejects.toThrow(
      /64×48, over the 3071 pixel limit/,
    );
    await expect(readFrames(files.moving!, { maxDecodedBytes: 3 * FRAME_BYTES })).rejects.toThrow(
      /would take more than .* MB/,
    );
    // Exactly the budget is fine.
    expect((await readFrames(files.moving!, { maxDecodedBytes: 10 * FRAME_BYTES })).frames).toHaveLength(10);
  });

  it("refuses nonsensical options", async () => {
    await expect(readFrames(files.moving!, { maxFrames: 0 })).rejects.toThrow(/maxFrames must be a positive/);
    await expect(readFrames(files.moving!, { fps: Number.NaN })).rejects.toThrow(/fps must be a positive/);
  });
});

describe("temporal flickering of real videos", { timeout: 30_000 }, () => {
  it("is exactly 1 for a still video and lower for a moving one", async () => {
    const still = temporalFlickering((await readFrames(files.still!)).frames);
    const moving = temporalFlickering((await readFrames(files.moving!)).frames);
    expect(still).toBe(1);
    expect(moving).toBeLessThan(1);
    expect(moving).toBeGreaterThan(0);
    // The decoded file scores what the source's own frames score.
    const raw = await rawSourceFrames(MOVING, 10);
    const rawFrames = Array.from({ length: 10 }, (_, i) =>
      raw.subarray(i * FRAME_BYTES, (i + 1) * FRAME_BYTES),
    );
    expect(moving).toBe(temporalFlickering(rawFrames));
  });

  it("is a clear error, never NaN, for a one-frame video", async () => {
    const { frames } = await readFrames(files.one!);
    expect(() => temporalFlickering(frames)).toThrow(/needs at least 2 frames \(got 1\)/);
  });
});
