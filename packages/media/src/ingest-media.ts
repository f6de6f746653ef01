/**
 * Taking in any media file (image, video or audio) from bytes or a path: route it by its first
 * bytes, validate it completely, and only then store the original and its thumbnail (a poster
 * frame for video; audio has none) content-addressed. Returns the fields of the `Asset` row.
 * A rejected file leaves nothing behind in storage.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { probeAv } from "./av-probe";
import { MediaRejectedError, UnreadableMediaError } from "./errors";
import type { ImageLimits } from "./images";
import { ingestImage, THUMBNAIL_SIZE } from "./ingest";
import { assertByteLimit, type AvLimits } from "./limits";
import { makePoster } from "./poster";
import { sniffKind } from "./sniff";
import { sha256Hex, type MediaStorage } from "./storage";

/** Byte, pixel and duration limits; each has a default (see av-probe.ts and images.ts). */
export type MediaLimits = AvLimits & ImageLimits;

/** The fields of a Prisma `Asset` row (`bytes` as a number: wrap it in BigInt). */
export type IngestedMedia = {
  sha256: string;
  kind: "image" | "video" | "audio";
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  fps: number | null;
  thumbnailSha256: string | null;
};

/** Raw bytes, or a file on disk (read only after its size is checked). */
export type MediaInput = Buffer | { path: string };

async function sizeOf(input: MediaInput): Promise<number> {
  if (Buffer.isBuffer(input)) return input.length;
  try {
    const st = await fsp.stat(input.path);
    if (!st.isFile()) throw new MediaRejectedError("it is not a file");
    return st.size;
  } catch (err) {
    if (err instanceof MediaRejectedError) throw err;
    throw new MediaRejectedError("the file could not be read");
  }
}

async function readHead(input: MediaInput): Promise<Buffer> {
  if (Buffer.isBuffer(input)) return input.subarray(0, 512);
  const handle = await fsp.open(input.path, "r");
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Runs `fn` with the input as a file on disk under a private name without an extension: ffprobe
 * guesses formats from extensions (garbage named .png reads as an "image2 video"), and the type
 * must come from the content alone. Bytes are written there; a path is linked there.
 */
async function withFile<T>(input: MediaInput, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "loupe-media-"));
  try {
    const file = path.join(dir, crypto.randomBytes(8).toString("hex"));
    if (Buffer.isBuffer(input)) await fsp.writeFile(file, input, { mode: 0o600 });
    else await fsp.symlink(path.resolve(input.path), file);
    return await fn(file);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

const readAll = (input: MediaInput) => (Buffer.isBuffer(input) ? input : fsp.readFile(input.path));

async function ingestAv(
  storage: MediaStorage,
  input: MediaInput,
  limits: MediaLimits,
): Promise<IngestedMedia> {
  return withFile(input, async (file) => {
    const info = await probeAv(file, limits);
    const poster = info.kind === "video" ? await makePoster(file, info, THUMBNAIL_SIZE) : null;
    // Validation is over: only now does anything reach storage.
    const original = await storage.put(await readAll(input));
    const thumb = poster ? await storage.put(poster) : null;
    return {
      sha256: original.sha256,
      kind: info.kind,
      mime: info.mime,
      bytes: original.bytes,
      width: info.kind === "video" ? info.width : null,
      height: info.kind === "video" ? info.height : null,
      durationSeconds: info.durationSeconds,
      fps: info.kind === "video" ? info.fps : null,
      thumbnailSha256: thumb?.sha256 ?? null,
    };
  });
}

/**
 * Validates and stores one media file. Rejects with `MediaRejectedError` (a one-line reason)
 * for anything that is not an accepted image, video or audio file within the limits.
 */
export async function ingestMedia(
  storage: MediaStorage,
  input: MediaInput,
  limits: MediaLimits = {},
): Promise<IngestedMedia> {
  assertByteLimit(await sizeOf(input), limits);
  if (sniffKind(await readHead(input)) === "av") {
    try {
      return await ingestAv(storage, input, limits);
    } catch (err) {
      // Not an image by its first bytes and not readable by ffprobe: it could have been anything.
      if (err instanceof UnreadableMediaError)
        throw new UnreadableMediaError(err.detail, "image, video or audio file");
      throw err;
    }
  }
  const image = await ingestImage(storage, await readAll(input), limits);
  return { ...image, durationSeconds: null, fps: null };
}

/** The sha256 of the input without storing it (a file is streamed, not read whole). */
export async function sha256OfInput(input: MediaInput): Promise<string> {
  if (Buffer.isBuffer(input)) return sha256Hex(input);
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(input.path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
