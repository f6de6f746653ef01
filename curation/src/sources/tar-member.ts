/**
 * One member's bytes from a tar shard, as a stream, for the stages after the source (decode,
 * hashing). With the member's offset and size from its locator the read is a direct byte range of
 * the shard; without them (or for a gzipped shard) the shard is scanned as a stream up to the
 * member, never loaded whole. Failures (no such member, a shard shorter than its listing) surface
 * as the stream's error.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import { Readable } from "node:stream";
import type { TarMemberLocator } from "./item";
import { drain, isGzipShard, openTar } from "./tar-reader";

export class TarMemberError extends Error {
  override name = "TarMemberError";
}

export type TarMemberRange = { offset: number; size: number };

async function* rangeChunks(shard: string, member: string, at: TarMemberRange): AsyncGenerator<Buffer> {
  if (!Number.isSafeInteger(at.offset) || !Number.isSafeInteger(at.size) || at.offset < 0 || at.size < 0)
    throw new TarMemberError(`invalid byte range for member ${member} of ${shard}`);
  const { size } = await fsp.stat(shard);
  if (at.offset + at.size > size)
    throw new TarMemberError(
      `shard ${shard} is shorter than its listing says (member ${member}); has it changed?`,
    );
  if (at.size === 0) return;
  for await (const chunk of fs.createReadStream(shard, { start: at.offset, end: at.offset + at.size - 1 }))
    yield chunk as Buffer;
}

async function* scanChunks(shard: string, member: string): AsyncGenerator<Buffer> {
  const tar = openTar(shard);
  try {
    for await (const entry of tar.entries) {
      const { name, type } = entry.header;
      if (name === member && (type === "file" || type === "contiguous-file")) {
        for await (const chunk of entry) yield chunk;
        return;
      }
      await drain(entry);
    }
  } finally {
    tar.close();
  }
  throw new TarMemberError(`shard ${shard} has no member ${member}`);
}

/** A member's bytes as a stream; `at` (from the locator) makes it a direct range read. */
export function readTarMember(shard: string, member: string, at?: TarMemberRange): Readable {
  const chunks = at && !isGzipShard(shard) ? rangeChunks(shard, member, at) : scanChunks(shard, member);
  return Readable.from(chunks, { objectMode: false });
}

/** The stream of the member a locator points at. */
export function openTarMember(locator: TarMemberLocator): Readable {
  const at =
    locator.offset !== undefined && locator.size !== undefined
      ? { offset: locator.offset, size: locator.size }
      : undefined;
  return readTarMember(locator.shard, locator.member, at);
}

/** A member's bytes in memory, refused past `maxBytes` (for decoders that need a buffer). */
export async function readTarMemberBytes(locator: TarMemberLocator, maxBytes: number): Promise<Buffer> {
  if (locator.size !== undefined && locator.size > maxBytes)
    throw new TarMemberError(
      `member ${locator.member} is ${locator.size} bytes, more than the limit of ${maxBytes}`,
    );
  const parts: Buffer[] = [];
  let length = 0;
  const stream = openTarMember(locator);
  try {
    for await (const chunk of stream) {
      length += (chunk as Buffer).length;
      if (length > maxBytes)
        throw new TarMemberError(`member ${locator.member} is larger than the limit of ${maxBytes} bytes`);
      parts.push(chunk as Buffer);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts);
}
