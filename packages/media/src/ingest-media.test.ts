import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeAudio, probeAv, probeVideo } from "./av-probe";
import { MediaRejectedError } from "./errors";
import { toolInput } from "./ffmpeg-binaries";
import { ingestMedia } from "./ingest-media";
import { sniffKind } from "./sniff";
import { LocalMediaStorage } from "./storage";
import { makeTestMedia } from "./test-media";

let dir: string;
let storage: LocalMediaStorage;
let mp4: Buffer;
let webm: Buffer;
let wav: Buffer;

const write = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const storedFiles = () =>
  fs.existsSync(storage.root)
    ? fs.readdirSync(storage.root, { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f)))
    : [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-av-test-"));
  storage = new LocalMediaStorage(path.join(dir, "store"));
  [mp4, webm, wav] = await Promise.all([
    makeTestMedia({ kind: "mp4", seconds: 2, width: 96, height: 64, audio: true }),
    makeTestMedia({ kind: "webm", seconds: 1 }),
    makeTestMedia({ kind: "wav", seconds: 1.5 }),
  ]);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("probeAv", () => {
  it("reads an H.264 MP4 with sound: size, duration, frame rate, codec", async () => {
    const info = await probeVideo(write("a.mp4", mp4));
    expect(info).toMatchObject({
      kind: "video",
      mime: "video/mp4",
      width: 96,
      height: 64,
      fps: 10,
      codec: "h264",
      hasAudio: true,
    });
    expect(info.durationSeconds).toBeCloseTo(2, 1);
  });

  it("decides the type from the content, not the name: a WebM called .mp4 is video/webm", async () => {
    expect(await probeAv(write("lies.mp4", webm))).toMatchObject({
      kind: "video",
      mime: "video/webm",
      codec: "vp9",
      hasAudio: false,
    });
  });

  it("reads WAV, MP3, Ogg, FLAC and M4A audio", async () => {
    expect(await probeAudio(write("a.wav", wav))).toMatchObject({
      kind: "audio",
      mime: "audio/wav",
      codec: "pcm_s16le",
    });
    const expected = { mp3: "audio/mpeg", ogg: "audio/ogg", flac: "audio/flac", m4a: "audio/mp4" } as const;
    for (const kind of ["mp3", "ogg", "flac", "m4a"] as const) {
      const info = await probeAudio(write(`a.${kind}`, await makeTestMedia({ kind })));
      expect(info.mime, kind).toBe(expected[kind]);
      expect(info.durationSeconds, kind).toBeGreaterThan(0.9);
    }
  });

  it("refuses what browsers cannot play (ProRes in a MOV)", async () => {
    const mov = await makeTestMedia({ kind: "mov-prores" });
    await expect(probeAv(write("p.mov", mov))).rejects.toThrow(
      /prores video in video\/mp4 is not playable in browsers/,
    );
  });

  it("refuses garbage, an empty file, and truncated MP4 and WebM files", async () => {
    await expect(
      probeAv(write("g.mp4", Buffer.from("this is not a video at all".repeat(20)))),
    ).rejects.toThrow(/not a readable video or audio file/);
    await expect(probeAv(write("e.mp4", Buffer.alloc(0)))).rejects.toThrow("the file is empty");
    await expect(probeAv(write("t.mp4", mp4.subarray(0, Math.floor(mp4.length * 0.6))))).rejects.toThrow(
      /^it is truncated or damaged \(.*partial file\)$/,
    );
    const fakeMp3 = Buffer.concat([Buffer.from("ID3\x03\0\0\0\0\0\0"), Buffer.alloc(300, 7)]);
    // The reason names the problem, not the temporary path ffmpeg was given.
    await expect(probeAv(write("g.mp3", fakeMp3))).rejects.toThrow(
      /^it is not a readable video or audio file \((?!file:)/,
    );
    await expect(probeAv(write("t.webm", webm.subarray(0, Math.floor(webm.length * 0.5))))).rejects.toThrow(
      /truncated or damaged/,
    );
  });

  it("refuses a truncated WAV and a truncated MP3 (whose header declares its length)", async () => {
    const wav = await makeTestMedia({ kind: "wav", seconds: 2 });
    await expect(probeAv(write("t.wav", wav.subarray(0, Math.floor(wav.length * 0.6))))).rejects.toThrow(
      /^it is truncated or damaged/,
    );
    const mp3 = await makeTestMedia({ kind: "mp3", seconds: 2 });
    await expect(probeAv(write("t.mp3", mp3.subarray(0, Math.floor(mp3.length * 0.5))))).rejects.toThrow(
      /^it is truncated or damaged \(filesize and duration do not match\)/,
    );
    // Whole files still pass, and every other audio container too.
    for (const kind of ["wav", "mp3", "ogg", "flac", "m4a"] as const) {
      const whole = await makeTestMedia({ kind, seconds: 1 });
      await expect(probeAv(write(`w.${kind}`, whole))).resolves.toMatchObject({ kind: "audio" });
    }
  });

  it("enforces the byte, pixel and duration limits with the numbers in the reason", async () => {
    const file = write("l.mp4", mp4);
    await expect(probeAv(file, { maxBytes: 1000 })).rejects.toThrow(/^it is \d+ KB, over the 1 KB limit$/);
    await expect(probeAv(file, { maxPixels: 96 * 64 - 1 })).rejects.toThrow(
      /96×64, over the 6143 pixel limit/,
    );
    await expect(probeAv(file, { maxDurationSeconds: 1 })).rejects.toThrow(
      /it is 2 s long, over the 1 s limit/,
    );
    await expect(probeAv(write("l.wav", wav), { maxDurationSeconds: 1 })).rejects.toThrow(
      /over the 1 s limit/,
    );
  });

  it("never lets a file name act as an ffmpeg option or protocol", () => {
    expect(toolInput("-y")).toBe(`file:${path.resolve("-y")}`);
    expect(toolInput("concat:/etc/passwd|x")).toMatch(/^file:\//);
  });
});

describe("ingestMedia", () => {
  it("stores a video with a WebP poster frame and returns the Asset fields", async () => {
    const asset = await ingestMedia(storage, mp4);
    expect(asset).toMatchObject({
      kind: "video",
      mime: "video/mp4",
      bytes: mp4.length,
      width: 96,
      height: 64,
      fps: 10,
    });
    expect(asset.durationSeconds).toBeCloseTo(2, 1);
    expect(asset.thumbnailSha256).toMatch(/^[0-9a-f]{64}$/);
    const poster = fs.readFileSync(storage.localPath(asset.thumbnailSha256!));
    expect(await sharp(poster).metadata()).toMatchObject({ format: "webp", width: 96, height: 64 });
    expect(fs.readFileSync(storage.localPath(asset.sha256)).equals(mp4)).toBe(true);
  });

  it("stores audio without a thumbnail, from a path", async () => {
    const asset = await ingestMedia(storage, { path: write("x.wav", wav) });
    expect(asset).toMatchObject({
      kind: "audio",
      mime: "audio/wav",
      width: null,
      height: null,
      fps: null,
      thumbnailSha256: null,
    });
    expect(asset.durationSeconds).toBeCloseTo(1.5, 1);
  });

  it("says a file that is nothing readable could have been any kind, whatever its name", async () => {
    await expect(ingestMedia(storage, Buffer.from("garbage garbage garbage"))).rejects.toThrow(
      /^it is not a readable image, video or audio file \(/,
    );
    // ffprobe alone would call this an "image2" video because of the extension.
    await expect(ingestMedia(storage, { path: write("junk.png", Buffer.from("garbage")) })).rejects.toThrow(
      /^it is not a readable image, video or audio file \(/,
    );
  });

  it("still takes images through sharp", async () => {
    const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: "#0a0" } })
      .png()
      .toBuffer();
    expect(await ingestMedia(storage, png)).toMatchObject({
      kind: "image",
      mime: "image/png",
      width: 20,
      height: 10,
      durationSeconds: null,
    });
  });

  it("stores nothing for a rejected file, and checks size before reading a path", async () => {
    const before = storedFiles().length;
    await expect(ingestMedia(storage, mp4.subarray(0, mp4.length / 2))).rejects.toBeInstanceOf(
      MediaRejectedError,
    );
    await expect(ingestMedia(storage, Buffer.from("garbage garbage garbage"))).rejects.toBeInstanceOf(
      MediaRejectedError,
    );
    await expect(ingestMedia(storage, { path: write("big.mp4", mp4) }, { maxBytes: 100 })).rejects.toThrow(
      /over the 1 KB limit/,
    );
    await expect(ingestMedia(storage, { path: path.join(dir, "missing.mp4") })).rejects.toThrow(
      "the file could not be read",
    );
    expect(storedFiles().length).toBe(before);
  });
});

describe("sniffKind", () => {
  it("routes images to sharp and movies/sound to ffprobe by their first bytes", () => {
    expect(sniffKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe("image");
    expect(sniffKind(Buffer.from("\0\0\0\x1cftypavif", "latin1"))).toBe("image");
    expect(sniffKind(Buffer.from("\0\0\0\x1cftypisom", "latin1"))).toBe("av");
    expect(sniffKind(Buffer.from("RIFF\0\0\0\0WAVEfmt ", "latin1"))).toBe("av");
    expect(sniffKind(Buffer.from("  <svg xmlns=…"))).toBe("image");
  });
});
