/**
 * An item's bytes again, from the location its decision recorded (a path, a URL, or
 * "shard.tar#member"), for what is made after the run: thumbnails and WebDataset shards.
 */
import fs from "node:fs/promises";
import type { Locator } from "../sources/item";
import type { CurationDecision } from "./decide-shard";
import { loadItem, type DownloadOptions } from "./load-item";

export function locatorOf(location: string): Locator {
  if (/^https?:\/\//.test(location)) return { kind: "url", url: location };
  const hash = location.lastIndexOf("#");
  if (hash > 0 && /\.(tar|tar\.gz|tgz)$/.test(location.slice(0, hash)))
    return { kind: "tar-member", shard: location.slice(0, hash), member: location.slice(hash + 1) };
  return { kind: "file", path: location };
}

/** Where the item's bytes are now: a local file's path, or the bytes (a tar member, a download); or why they cannot be read. */
export async function itemInput(
  d: Pick<CurationDecision, "itemId" | "source" | "location" | "caption" | "metadata">,
  download: DownloadOptions | null,
): Promise<string | Buffer | { error: string }> {
  if (d.location === null) return { error: `${d.source} has no location` };
  const loaded = await loadItem(
    {
      id: d.itemId,
      source: d.source,
      caption: d.caption,
      metadata: d.metadata,
      locator: locatorOf(d.location),
    },
    download,
  );
  return "error" in loaded ? loaded : loaded.item.input;
}

/** The item's bytes, or the reason they cannot be read. */
export async function itemBytes(
  d: Pick<CurationDecision, "itemId" | "source" | "location" | "caption" | "metadata">,
  download: DownloadOptions | null,
): Promise<Buffer | { error: string }> {
  const input = await itemInput(d, download);
  return typeof input === "string" ? fs.readFile(input) : input;
}
