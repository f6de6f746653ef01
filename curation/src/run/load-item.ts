/**
 * From a source item to what the stages read: a local file is handed over by path (sharp reads it
 * itself), a tar member or a bucket's object is read into memory (bounded), and a URL is fetched only when the
 * pipeline allows downloads. Anything that cannot be read becomes the reason for an item-level
 * "error" decision — never an exception that would stop the shard.
 */
import fsp from "node:fs/promises";
import { readS3Object, sharedS3Client } from "@loupe/media";
import type { PipelineItem } from "../pipeline";
import type { SourceItem, UrlLocator } from "../sources/item";
import { readTarMemberBytes } from "../sources/tar-member";

/** Largest tar member read into memory (a 100-megapixel PNG is well under this). */
export const MAX_MEMBER_BYTES = 512 * 1024 * 1024;

export type DownloadOptions = { timeoutSeconds: number; maxBytes: number };

export type LoadedItem = { item: PipelineItem } | { error: string };

export async function loadItem(item: SourceItem, download: DownloadOptions | null): Promise<LoadedItem> {
  if (item.locator === null) return { error: item.error };
  const base = { itemId: item.id, source: item.source };
  const locator = item.locator;
  try {
    switch (locator.kind) {
      case "file": {
        const stat = await fsp.stat(locator.path);
        if (!stat.isFile()) return { error: `${item.source} is not a regular file` };
        return { item: { ...base, input: locator.path, bytes: stat.size } };
      }
      case "tar-member": {
        const bytes = await readTarMemberBytes(locator, MAX_MEMBER_BYTES);
        return { item: { ...base, input: bytes, bytes: bytes.length } };
      }
      case "object": {
        const client = sharedS3Client(locator);
        const bytes = await readS3Object(client, locator.bucket, locator.key, MAX_MEMBER_BYTES);
        return { item: { ...base, input: bytes, bytes: bytes.length } };
      }
      case "url": {
        if (!download)
          return {
            error: `${locator.url} is a URL and downloading is off (set "download" in the pipeline to fetch URLs)`,
          };
        const bytes = await fetchBytes(locator, download);
        return { item: { ...base, input: bytes, bytes: bytes.length } };
      }
    }
  } catch (err) {
    return { error: `cannot read ${item.source}: ${(err as Error).message}` };
  }
}

/** GET with a timeout and a size limit; a non-2xx status, a refused connection or a timeout throws. */
async function fetchBytes(locator: UrlLocator, opts: DownloadOptions): Promise<Buffer> {
  const url = new URL(locator.url);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`only http(s) URLs can be downloaded, not ${url.protocol}`);
  const response = await fetch(url, {
    signal: AbortSignal.timeout(opts.timeoutSeconds * 1000),
    redirect: "follow",
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > opts.maxBytes)
    throw new Error(`the response is ${declared} bytes, more than the limit of ${opts.maxBytes}`);
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of response.body ?? []) {
    length += (chunk as Uint8Array).length;
    if (length > opts.maxBytes)
      throw new Error(`the response is larger than the limit of ${opts.maxBytes} bytes`);
    parts.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(parts, length);
}
