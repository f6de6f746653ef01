/**
 * A tar shard opened as a stream of entries (tar-stream), gunzipped on the way when its name ends
 * in .tar.gz or .tgz. Errors from reading the file or gunzipping it reach the entry iteration (it
 * throws), so a truncated or corrupt shard surfaces as one error, never an unhandled event. The
 * count of tar bytes seen lets the caller check that the archive's end marker was there.
 */
import fs from "node:fs";
import { Transform, type Readable } from "node:stream";
import zlib from "node:zlib";
import tar from "tar-stream";

export type TarEntry = AsyncIterable<Buffer> & {
  header: { name: string; size: number; type: string };
  /** Where the entry's (last) header starts in the tar; its data starts 512 bytes later. */
  offset: number;
};

export type OpenedTar = {
  entries: AsyncIterable<TarEntry>;
  /** Tar bytes passed to the parser so far (uncompressed). */
  bytes(): number;
  close(): void;
};

export const TAR_BLOCK = 512;

export function isGzipShard(file: string): boolean {
  return /\.(tar\.gz|tgz)$/i.test(file);
}

export function openTar(file: string): OpenedTar {
  let bytes = 0;
  const extract = tar.extract();
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const stages: Readable[] = [fs.createReadStream(file)];
  if (isGzipShard(file)) stages.push(stages[0]!.pipe(zlib.createGunzip()));
  stages.push(stages[stages.length - 1]!.pipe(counter));
  for (const stage of stages) stage.on("error", (err) => extract.destroy(err));
  counter.pipe(extract);
  return {
    entries: extract as AsyncIterable<TarEntry>,
    bytes: () => bytes,
    close() {
      for (const stage of stages) stage.destroy();
      extract.destroy();
    },
  };
}

/** Reads an entry to its end, keeping nothing. */
export async function drain(entry: AsyncIterable<Buffer>): Promise<void> {
  for await (const _ of entry);
}

/** Reads an entry to its end, keeping at most `limit` bytes; null when it was longer. */
export async function readLimited(entry: AsyncIterable<Buffer>, limit: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of entry) {
    length += chunk.length;
    if (length <= limit) parts.push(chunk);
  }
  return length > limit ? null : Buffer.concat(parts);
}
