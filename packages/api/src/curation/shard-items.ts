/**
 * A shard's items as a file: one JSON `SourceItem` a line, in source order. Written once when the
 * run is planned and read by whichever worker runs the shard, so every retry on every machine
 * decides exactly the same items — the source is not read again.
 */
import type { SourceItem } from "@loupe/curation/sources";

export function encodeShardItems(items: readonly SourceItem[]): Buffer {
  return Buffer.from(items.map((item) => JSON.stringify(item)).join("\n") + "\n");
}

export function decodeShardItems(bytes: Buffer): SourceItem[] {
  return bytes
    .toString("utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as SourceItem);
}
