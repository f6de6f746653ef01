import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { asyncBufferFromFile, parquetMetadataAsync } from "hyparquet";
import { parquetWriteFile } from "hyparquet-writer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemId } from "./item";
import { openManifestSource } from "./manifest";
import { collect, expectUniqueIds, makeTempDir, outcomes, writeFiles } from "./test-helpers";

let dir: string;

function writeManifest(file: string): void {
  parquetWriteFile({
    filename: file,
    rowGroupSize: 2,
    columnData: [
      {
        name: "image",
        data: ["img/a.jpg", "img/b.jpg", "../escape.jpg", "img/a.jpg", null],
        type: "STRING",
        nullable: true,
      },
      { name: "text", data: ["first", null, "third", "fourth", "fifth"], type: "STRING", nullable: true },
      { name: "width", data: [640n, 800n, 1n, 2n, 3n], type: "INT64" },
      { name: "aesthetic", data: [5.5, Number.NaN, 1, 2, 3], type: "DOUBLE" },
    ],
  });
}

beforeAll(async () => {
  dir = await makeTempDir();
  await writeFiles(dir, { "img/a.jpg": "a", "img/b.jpg": "b" });
  writeManifest(path.join(dir, "manifest.parquet"));
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const config = (file: string) => ({
  kind: "manifest" as const,
  path: path.join(dir, file),
  pathColumn: "image",
  captionColumn: "text",
});

describe("Parquet manifest", () => {
  it("reads every row, row group by row group, other columns as JSON-safe metadata", async () => {
    const source = await openManifestSource(config("manifest.parquet"));
    const items = await collect(source);
    expect(outcomes(items)).toEqual({
      "row 1": "ok",
      "row 2": "ok",
      "row 3": "path escapes the source root: ../escape.jpg",
      "row 4": "ok",
      "row 5": '"image" is empty',
    });
    expect(items[0]).toEqual({
      id: itemId("manifest", "manifest.parquet", "row 1"),
      source: "row 1",
      locator: { kind: "file", path: path.join(dir, "img", "a.jpg") },
      caption: "first",
      metadata: { width: 640, aesthetic: 5.5 },
    });
    // 64-bit integers become numbers, NaN becomes null; a null caption is no caption.
    expect(items[1]).toMatchObject({ caption: null, metadata: { width: 800, aesthetic: null } });
    expect(await source.countItems()).toBe(5);
    expectUniqueIds(items);
    expect((await collect(source)).map((i) => i.id)).toEqual(items.map((i) => i.id));
  });

  it("gives each row of an unreadable row group an error item and reads the other groups", async () => {
    const file = path.join(dir, "damaged.parquet");
    writeManifest(file);
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
    const offset = Number(metadata.row_groups[1]!.columns[0]!.meta_data!.data_page_offset);
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, offset, offset + 16);
    fs.writeFileSync(file, bytes);

    const items = await collect(await openManifestSource(config("damaged.parquet")));
    expect(items.map((i) => i.source)).toEqual(["row 1", "row 2", "row 3", "row 4", "row 5"]);
    expect(items[2]!.error).toMatch(/^row group 2 cannot be read: /);
    expect(items[3]!.error).toBe(items[2]!.error);
    expect(items[0]!.error).toBeUndefined();
    expect(items[4]!.error).toBe('"image" is empty');
  });

  it("refuses a schema without the named column, listing the columns", async () => {
    await expect(openManifestSource({ ...config("manifest.parquet"), pathColumn: "path" })).rejects.toThrow(
      /has no column "path" \(its columns: "image", "text", "width", "aesthetic"\)/,
    );
  });

  it("refuses a file that is not Parquet before any item", async () => {
    await writeFiles(dir, { "fake.parquet": "this is not parquet at all" });
    await expect(openManifestSource(config("fake.parquet"))).rejects.toThrow(
      /is not a readable Parquet file/,
    );
  });
});
