/**
 * An item's bytes again, from the location its decision recorded (a path, a URL,
 * "shard.tar#member" or "s3://bucket/key"), for what is made after the run: thumbnails, WebDataset
 * shards, clips, audits. An object's endpoint and region are the run's source's, not part of the
 * location (which is what training loaders read).
 */
import fs from "node:fs/promises";
import type { CurationDecision } from "./decide-shard";
import type { PipelineDefinition } from "../pipeline-definition";
import { loadItem, type DownloadOptions } from "./load-item";
import { locatorOf, type ObjectStoreEndpoint } from "./location";

/** How a run's items are read again: its download settings, and its bucket's endpoint. */
export type ItemReadOptions = { download: DownloadOptions | null; objectStore: ObjectStoreEndpoint | null };

/** The read options of a run, from its definition. */
export function readOptionsOf(definition: Pick<PipelineDefinition, "download" | "source">): ItemReadOptions {
  const { source } = definition;
  return {
    download: definition.download,
    objectStore:
      source.kind === "s3"
        ? {
            ...(source.endpoint ? { endpoint: source.endpoint } : {}),
            ...(source.region ? { region: source.region } : {}),
          }
        : null,
  };
}

/** Where the item's bytes are now: a local file's path, or the bytes (a tar member, an object, a download); or why they cannot be read. */
export async function itemInput(
  d: Pick<CurationDecision, "itemId" | "source" | "location" | "caption" | "metadata">,
  read: ItemReadOptions,
): Promise<string | Buffer | { error: string }> {
  if (d.location === null) return { error: `${d.source} has no location` };
  const loaded = await loadItem(
    {
      id: d.itemId,
      source: d.source,
      caption: d.caption,
      metadata: d.metadata,
      locator: locatorOf(d.location, read.objectStore),
    },
    read.download,
  );
  return "error" in loaded ? loaded : loaded.item.input;
}

/** The item's bytes, or the reason they cannot be read. */
export async function itemBytes(
  d: Pick<CurationDecision, "itemId" | "source" | "location" | "caption" | "metadata">,
  read: ItemReadOptions,
): Promise<Buffer | { error: string }> {
  const input = await itemInput(d, read);
  return typeof input === "string" ? fs.readFile(input) : input;
}
