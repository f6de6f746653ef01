/**
 * Pick-a-Pic's layout (Kirstain et al. 2023; the `yuvalkirstain/pickapic_v2` dataset, which
 * PickScore and Diffusion-DPO train on) as Parquet, one file per split: caption, jpg_0, jpg_1 (the
 * image bytes inline, or the images' relative paths), label_0, label_1 (a tie is 0.5 / 0.5),
 * model_0, model_1, user_id, ranking_id, are_different, has_label, best_image_uid, image_0_uid,
 * image_1_uid, created_at. Written a row group at a time by hyparquet-writer, so memory holds one
 * row group of images, not the split.
 */
import { fileWriter, ParquetWriter } from "hyparquet-writer";
import { labels, type ExportRow, type FormatWriter } from "./export-row";
import { SplitFiles } from "./split-files";

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]["schema"][number];

const ROW_GROUP = 10_000;
const UNIQUE_STRINGS = new Set([
  "caption",
  "user_id",
  "ranking_id",
  "best_image_uid",
  "image_0_uid",
  "image_1_uid",
]);
/** Small enough that a row group of inline images stays in the tens of megabytes. */
const INLINE_ROW_GROUP = 256;

function schema(inline: boolean): SchemaElement[] {
  const string = (name: string): SchemaElement => ({
    name,
    type: "BYTE_ARRAY",
    converted_type: "UTF8",
    repetition_type: "REQUIRED",
  });
  const image = (name: string): SchemaElement =>
    inline ? { name, type: "BYTE_ARRAY", repetition_type: "REQUIRED" } : string(name);
  const columns: SchemaElement[] = [
    string("caption"),
    image("jpg_0"),
    image("jpg_1"),
    { name: "label_0", type: "DOUBLE", repetition_type: "REQUIRED" },
    { name: "label_1", type: "DOUBLE", repetition_type: "REQUIRED" },
    string("model_0"),
    string("model_1"),
    string("user_id"),
    string("ranking_id"),
    { name: "are_different", type: "BOOLEAN", repetition_type: "REQUIRED" },
    { name: "has_label", type: "BOOLEAN", repetition_type: "REQUIRED" },
    string("best_image_uid"),
    string("image_0_uid"),
    string("image_1_uid"),
    { name: "created_at", type: "INT64", converted_type: "TIMESTAMP_MILLIS", repetition_type: "REQUIRED" },
  ];
  return [{ name: "root", num_children: columns.length }, ...columns];
}

/**
 * One split's Parquet file, filled row by row: rows are held until a row group is full, so memory
 * holds one row group (of paths, or of images when they are inline), not the split.
 */
export class PickAPicParquetFile {
  private readonly writer: ParquetWriter;
  private group: ExportRow[] = [];
  rows = 0;

  constructor(
    file: string,
    private readonly readImage?: (sha256: string) => Promise<Buffer>,
    private readonly groupSize = readImage ? INLINE_ROW_GROUP : ROW_GROUP,
  ) {
    // No creation time or library version inside: the same rows give the same bytes.
    this.writer = new ParquetWriter({
      writer: fileWriter(file),
      schema: schema(readImage !== undefined),
      createdBy: "loupe",
    });
  }

  async push(row: ExportRow): Promise<void> {
    this.group.push(row);
    this.rows++;
    if (this.group.length >= this.groupSize) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.writer.finish();
  }

  private async flush(): Promise<void> {
    const group = this.group;
    if (group.length === 0) return;
    this.group = [];
    const readImage = this.readImage;
    const image = async (r: ExportRow, side: "a" | "b") =>
      readImage
        ? new Uint8Array(await readImage(side === "a" ? r.a.sha256 : r.b.sha256))
        : side === "a"
          ? r.imageA
          : r.imageB;
    // Min/max statistics cost a fifth of the write and say nothing useful about unique strings
    // (ids, hashes, paths, captions): they are kept for labels, models, flags and times only.
    const column = <T>(name: string, value: (r: ExportRow) => T) => ({
      name,
      data: group.map(value),
      statistics: !UNIQUE_STRINGS.has(name),
    });
    await this.writer.write({
      columnData: [
        column("caption", (r) => r.prompt),
        { name: "jpg_0", data: await Promise.all(group.map((r) => image(r, "a"))), statistics: false },
        { name: "jpg_1", data: await Promise.all(group.map((r) => image(r, "b"))), statistics: false },
        column("label_0", (r) => labels(r)[0]),
        column("label_1", (r) => labels(r)[1]),
        column("model_0", (r) => r.modelA),
        column("model_1", (r) => r.modelB),
        column("user_id", (r) => r.raters.join(",")),
        column("ranking_id", (r) => r.id),
        column("are_different", (r) => r.a.sha256 !== r.b.sha256),
        column("has_label", () => true),
        column("best_image_uid", (r) =>
          r.preference === "a" ? r.a.sha256 : r.preference === "b" ? r.b.sha256 : "",
        ),
        column("image_0_uid", (r) => r.a.sha256),
        column("image_1_uid", (r) => r.b.sha256),
        column("created_at", (r) => BigInt(r.createdAt.getTime())),
      ],
      rowGroupSize: group.length,
    });
  }
}

export const writePickAPic: FormatWriter = (ctx) => {
  const files = new SplitFiles(
    ctx.dir,
    (split) => `${split}.parquet`,
    (file) => new PickAPicParquetFile(file, ctx.readImage),
  );
  return {
    async add(rows) {
      for (const r of rows) await files.of(r.split).push(r);
    },
    finish: () => files.close(),
  };
};
