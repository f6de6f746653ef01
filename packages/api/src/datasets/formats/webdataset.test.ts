import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import tar from "tar-stream";
import { afterAll, describe, expect, it } from "vitest";
import type { ExportRow } from "./export-row";
import { writeRows } from "./export-row";
import { SHARD_SIZE, writeWebDataset } from "./webdataset";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-wds-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const row = (i: number): ExportRow => ({
  id: `j${i}`,
  itemId: `t${i}`,
  promptId: `p${i}`,
  prompt: `prompt ${i}`,
  a: { outputId: `a${i}`, sha256: `a${i}`.padEnd(64, "0"), mime: "image/png", model: "red" },
  b: { outputId: `b${i}`, sha256: `b${i}`.padEnd(64, "0"), mime: "image/jpeg", model: "blue" },
  preference: i % 2 ? "b" : "a",
  raterIds: ["r"],
  agreement: 1,
  judgments: 1,
  createdAt: new Date(Date.UTC(2026, 0, 1)),
  split: "train",
  raters: ["abc"],
  modelA: "red",
  modelB: "blue",
  imageA: `images/a${i}.png`,
  imageB: `images/b${i}.jpg`,
});

async function entries(file: string) {
  const out: { name: string; bytes: Buffer; mtime?: Date }[] = [];
  const extract = tar.extract();
  extract.on("entry", (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c) => chunks.push(c as Buffer));
    stream.on("end", () => {
      out.push({ name: header.name, bytes: Buffer.concat(chunks), mtime: header.mtime });
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    extract.on("finish", resolve).on("error", reject);
    fs.createReadStream(file).pipe(extract);
  });
  return out;
}

describe("writeWebDataset", () => {
  it("writes shards of samples grouped by key: a JSON record and both images' bytes", async () => {
    const rows = Array.from({ length: SHARD_SIZE + 2 }, (_, i) => row(i));
    const readImage = async (sha256: string) => Buffer.from(`bytes of ${sha256.slice(0, 4)}`);
    const files = await writeRows(writeWebDataset, rows, { dir, readImage });
    expect(files).toEqual(["train/train-000000.tar", "train/train-000001.tar"]);
    const second = await entries(path.join(dir, files[1]!));
    expect(second.map((e) => e.name)).toEqual([
      "000001000.json",
      "000001000.0.png",
      "000001000.1.jpg",
      "000001001.json",
      "000001001.0.png",
      "000001001.1.jpg",
    ]);
    expect(JSON.parse(second[0]!.bytes.toString())).toMatchObject({
      caption: "prompt 1000",
      label_0: 1,
      label_1: 0,
      model_0: "red",
      ranking_id: "j1000",
    });
    expect(second[1]!.bytes.toString()).toBe("bytes of a100");
    expect(second[0]!.mtime!.getTime()).toBe(0);
    // The same rows again give the same bytes.
    const again = fs.mkdtempSync(path.join(dir, "again-"));
    await writeRows(writeWebDataset, rows, { dir: again, readImage });
    expect(
      fs.readFileSync(path.join(again, files[0]!)).equals(fs.readFileSync(path.join(dir, files[0]!))),
    ).toBe(true);
  });
});
