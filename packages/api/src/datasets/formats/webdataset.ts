/**
 * Pick-a-Pic rows as WebDataset tar shards, for sets too large for one Parquet file of images:
 * `<split>/<split>-000000.tar`, … with up to SHARD_SIZE samples each. A sample is three files
 * sharing a key (WebDataset's grouping rule: the name up to the first dot): `<key>.json` with the
 * Pick-a-Pic fields, `<key>.0.<ext>` and `<key>.1.<ext>` with the two images' bytes. Entries carry
 * a fixed time, so the same rows give byte-identical shards.
 *
 *   wds.WebDataset("train/train-{000000..000009}.tar").decode("pil").to_tuple("0.png", "1.png", "json")
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import tar from "tar-stream";
import { SPLITS } from "../export-config";
import { bySplit, labels, type ExportRow, type FormatWriter } from "./export-row";

export const SHARD_SIZE = 1000;
const EPOCH = new Date(0);

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

async function writeShard(
  file: string,
  rows: readonly ExportRow[],
  first: number,
  readImage: (sha256: string) => Promise<Buffer>,
) {
  const pack = tar.pack();
  const done = pipeline(pack, fs.createWriteStream(file));
  for (const [k, r] of rows.entries()) {
    const key = String(first + k).padStart(9, "0");
    const add = (name: string, bytes: Buffer) =>
      pack.entry({ name, size: bytes.length, mtime: EPOCH }, bytes);
    add(`${key}.json`, sampleJson(r));
    add(`${key}.0.${extensionOf(r.imageA)}`, await readImage(r.a.sha256));
    add(`${key}.1.${extensionOf(r.imageB)}`, await readImage(r.b.sha256));
  }
  pack.finalize();
  await done;
}

export const writeWebDataset: FormatWriter = async (rows, ctx) => {
  if (!ctx.readImage) throw new Error("WebDataset shards hold the images' bytes: readImage is required");
  const written: string[] = [];
  const splits = bySplit(rows);
  for (const split of SPLITS) {
    const part = splits.get(split);
    if (!part?.length) continue;
    await fsp.mkdir(path.join(ctx.dir, split), { recursive: true });
    for (let start = 0, shard = 0; start < part.length; start += SHARD_SIZE, shard++) {
      const file = `${split}/${split}-${String(shard).padStart(6, "0")}.tar`;
      await writeShard(path.join(ctx.dir, file), part.slice(start, start + SHARD_SIZE), start, ctx.readImage);
      written.push(file);
    }
  }
  return written;
};
