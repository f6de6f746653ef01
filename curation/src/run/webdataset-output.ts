/**
 * The kept set as WebDataset shards, for training loaders that stream tars: `kept-00000.tar`, …
 * with up to `samplesPerShard` samples each. A sample is the files sharing its key (the item id;
 * WebDataset groups by the name up to the first dot): `<key>.<ext>` with the item's own bytes,
 * `<key>.txt` with its caption when it has one, and `<key>.json` with its id, source, metadata
 * and scores. The curation WebDataset source reads these shards back as the same items.
 *
 *   wds.WebDataset("kept-{00000..00009}.tar").decode("pil").to_tuple("jpg;png;webp", "json")
 */
import path from "node:path";
import type { CurationDecision } from "./decide-shard";
import { ShardedTarWriter, type TarShardFile } from "./tar-file";

const FORMAT_EXTENSIONS: Record<string, string> = {
  jpeg: "jpg",
  png: "png",
  webp: "webp",
  gif: "gif",
  tiff: "tif",
  avif: "avif",
  heif: "heic",
};

/** The extension a sample's media file gets: the source file's, else its recorded format's. */
export function mediaExtension(d: Pick<CurationDecision, "location" | "labels">): string {
  const fromPath = d.location ? path.extname(d.location.split("#").at(-1)!).slice(1).toLowerCase() : "";
  if (/^[a-z0-9]{2,5}$/.test(fromPath)) return fromPath;
  return FORMAT_EXTENSIONS[d.labels["metadata.format"] ?? ""] ?? "bin";
}

export type WebDatasetShardFile = TarShardFile;

export class WebDatasetOutput {
  private readonly tar: ShardedTarWriter;

  constructor(
    dir: string,
    samplesPerShard: number,
    private readonly bytesOf: (d: CurationDecision) => Promise<Buffer>,
  ) {
    this.tar = new ShardedTarWriter(dir, samplesPerShard, (n) => `kept-${String(n).padStart(5, "0")}.tar`);
  }

  get shards(): readonly WebDatasetShardFile[] {
    return this.tar.shards;
  }

  async push(d: CurationDecision): Promise<void> {
    const key = d.itemId;
    const json = {
      item_id: d.itemId,
      source: d.source,
      metadata: d.metadata,
      scores: d.scores,
      hashes: d.hashes,
    };
    await this.tar.addSample([
      [`${key}.${mediaExtension(d)}`, await this.bytesOf(d)],
      ...(d.caption !== null ? [[`${key}.txt`, Buffer.from(d.caption)] as const] : []),
      [`${key}.json`, Buffer.from(JSON.stringify(json))],
    ]);
  }

  close(): Promise<WebDatasetShardFile[]> {
    return this.tar.close();
  }
}
