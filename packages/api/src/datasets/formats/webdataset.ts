/**
 * Pick-a-Pic rows as WebDataset tar shards, for sets too large for one Parquet file of images:
 * `<split>/<split>-000000.tar`, … with up to SHARD_SIZE samples each. A sample is three files
 * sharing a key (WebDataset's grouping rule: the name up to the first dot): `<key>.json` with the
 * Pick-a-Pic fields, `<key>.0.<ext>` and `<key>.1.<ext>` with the two images' bytes. Entries carry
 * a fixed time, so the same rows give byte-identical shards.
 *
 *   wds.WebDataset("train/train-{000000..000009}.tar").decode("pil").to_tuple("0.png", "1.png", "json")
 */
import { ShardedTarWriter } from "@loupe/curation";
import { SPLITS, type Split } from "../export-config";
import { labels, type ExportRow, type FormatWriter } from "./export-row";

export const SHARD_SIZE = 1000;

const extensionOf = (imagePath: string) => imagePath.slice(imagePath.lastIndexOf(".") + 1);

function sampleJson(r: ExportRow): Buffer {
  const [label0, label1] = labels(r);
  return Buffer.from(
    JSON.stringify({
      caption: r.prompt,
      label_0: label0,
      label_1: label1,
      model_0: r.modelA,
      model_1: r.modelB,
      user_id: r.raters.join(","),
      ranking_id: r.id,
      image_0_uid: r.a.sha256,
      image_1_uid: r.b.sha256,
      best_image_uid: r.preference === "a" ? r.a.sha256 : r.preference === "b" ? r.b.sha256 : "",
      created_at: r.createdAt.toISOString(),
    }),
  );
}

/** One split's shards: samples numbered from 0 across the split, SHARD_SIZE to a shard. */
class SplitShards {
  private samples = 0;
  private readonly tar: ShardedTarWriter;

  constructor(
    dir: string,
    split: string,
    private readonly readImage: (sha256: string) => Promise<Buffer>,
  ) {
    this.tar = new ShardedTarWriter(
      dir,
      SHARD_SIZE,
      (n) => `${split}/${split}-${String(n).padStart(6, "0")}.tar`,
    );
  }

  /** The shards' file names, relative to the export's folder. */
  get files(): string[] {
    return this.tar.shards.map((s) => s.fileName);
  }

  async push(r: ExportRow): Promise<void> {
    const key = String(this.samples++).padStart(9, "0");
    await this.tar.addSample([
      [`${key}.json`, sampleJson(r)],
      [`${key}.0.${extensionOf(r.imageA)}`, await this.readImage(r.a.sha256)],
      [`${key}.1.${extensionOf(r.imageB)}`, await this.readImage(r.b.sha256)],
    ]);
  }

  async close(): Promise<void> {
    await this.tar.close();
  }
}

export const writeWebDataset: FormatWriter = (ctx) => {
  const readImage = ctx.readImage;
  if (!readImage) throw new Error("WebDataset shards hold the images' bytes: readImage is required");
  const splits = new Map<Split, SplitShards>();
  return {
    async add(rows) {
      for (const r of rows) {
        let shards = splits.get(r.split);
        if (!shards) splits.set(r.split, (shards = new SplitShards(ctx.dir, r.split, readImage)));
        await shards.push(r);
      }
    },
    async finish() {
      const written: string[] = [];
      for (const split of SPLITS) {
        const shards = splits.get(split);
        if (!shards) continue;
        await shards.close();
        written.push(...shards.files);
      }
      return written;
    },
  };
};
