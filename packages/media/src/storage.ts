/**
 * Content-addressed media storage: a file is named by the sha256 of its bytes, so storing the
 * same content twice is a no-op, a name can never point at different bytes, and integrity can be
 * re-checked at any time by re-hashing. The database only ever holds the hash (never the bytes).
 *
 * `MediaStorage` is the seam for other backends (e.g. S3): everything outside this file talks to
 * the interface, and nothing outside it builds file paths by hand.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

/** An inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export type ByteRange = { start: number; end: number };

export type StoredMedia = {
  sha256: string;
  bytes: number;
  /** False when the content was already stored (deduplicated). */
  created: boolean;
};

export interface MediaStorage {
  /** Stores the bytes under their sha256; storing the same content again changes nothing. */
  put(bytes: Buffer): Promise<StoredMedia>;
  /**
   * Stores a file's content, read as a stream (hashed, then copied), so a file of any size is
   * stored with constant memory. The file itself is left where it is.
   */
  putFile(file: string): Promise<StoredMedia>;
  has(sha256: string): Promise<boolean>;
  /** Size of a stored file, or null when it is not stored. */
  stat(sha256: string): Promise<{ bytes: number } | null>;
  /**
   * The stored bytes (or an inclusive range of them). A missing file surfaces as an `error` event
   * on the stream; call `stat` first when a clean "not found" matters.
   */
  createReadStream(sha256: string, range?: ByteRange): Readable;
  /**
   * A path on the local file system, for tools that need one (ffmpeg/ffprobe). Only backends that
   * keep files locally have it; others make callers copy to a temporary file.
   */
  localPath?(sha256: string): string;
}

export class InvalidSha256Error extends Error {
  override name = "InvalidSha256Error";
  constructor(value: unknown) {
    const shown = typeof value === "string" ? JSON.stringify(value.slice(0, 80)) : typeof value;
    super(`not a sha256 (64 lowercase hex characters): ${shown}`);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: unknown): value is string {
  return typeof value === "string" && SHA256.test(value);
}

/** Refuses anything but a plain lowercase hex digest, so a "hash" can never be a path trick. */
export function assertSha256(value: unknown): asserts value is string {
  if (!isSha256(value)) throw new InvalidSha256Error(value);
}

export function sha256Hex(bytes: Buffer): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/** sha256 and size of a file, read as a stream. */
export async function sha256OfFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === "ENOENT";
}

/** Files under `<root>/<aa>/<bb>/<sha256>`: two fan-out levels keep directories small. */
export class LocalMediaStorage implements MediaStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  localPath(sha256: string): string {
    assertSha256(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Buffer): Promise<StoredMedia> {
    return this.store(sha256Hex(bytes), bytes.length, (handle) => handle.writeFile(bytes));
  }

  async putFile(file: string): Promise<StoredMedia> {
    const { sha256, bytes } = await sha256OfFile(file);
    return this.store(sha256, bytes, async (handle) => {
      for await (const chunk of fs.createReadStream(file)) await handle.write(chunk as Buffer);
    });
  }

  /** Writes content of a known hash under its name, unless it is there already. */
  private async store(
    sha256: string,
    length: number,
    write: (handle: fsp.FileHandle) => Promise<unknown>,
  ): Promise<StoredMedia> {
    const target = this.localPath(sha256);
    const existing = await this.stat(sha256);
    // A file of the right size under its own hash is this content (a crash never leaves a
    // partial file under the final name, because files only get there by rename).
    if (existing && existing.bytes === length) return { sha256, bytes: length, created: false };

    const dir = path.dirname(target);
    await fsp.mkdir(dir, { recursive: true });
    // Temp file in the same directory so the rename is atomic (same file system).
    const temp = path.join(dir, `.${sha256}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`);
    const handle = await fsp.open(temp, "wx", 0o644);
    try {
      await write(handle);
      await handle.sync();
    } catch (err) {
      await handle.close().catch(() => undefined);
      await fsp.rm(temp, { force: true });
      throw err;
    }
    await handle.close();
    try {
      // Concurrent puts of the same content both rename identical bytes over the same name: fine.
      await fsp.rename(temp, target);
    } catch (err) {
      await fsp.rm(temp, { force: true });
      throw err;
    }
    await syncDirectory(dir);
    return { sha256, bytes: length, created: true };
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.stat(sha256)) !== null;
  }

  async stat(sha256: string): Promise<{ bytes: number } | null> {
    try {
      const st = await fsp.stat(this.localPath(sha256));
      return st.isFile() ? { bytes: st.size } : null;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  createReadStream(sha256: string, range?: ByteRange): Readable {
    const file = this.localPath(sha256);
    if (
      range &&
      !(
        Number.isSafeInteger(range.start) &&
        Number.isSafeInteger(range.end) &&
        0 <= range.start &&
        range.start <= range.end
      )
    ) {
      throw new RangeError(`invalid byte range ${range.start}-${range.end}`);
    }
    return fs.createReadStream(file, range ? { start: range.start, end: range.end } : {});
  }
}

/** Makes the rename itself durable; some file systems refuse to fsync a directory, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, "r");
    await handle.sync();
  } catch {
    /* best effort */
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
