import fsp from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceError } from "./errors";
import { openManifestSource } from "./manifest";
import { collect, expectUniqueIds, makeTempDir, outcomes, writeFiles } from "./test-helpers";

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir();
  await writeFiles(dir, { "img/a.jpg": "a", "img/b.jpg": "b", "img/c d.jpg": "c" });
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function open(name: string, text: string, captionColumn?: string) {
  await writeFiles(dir, { [name]: text });
  return openManifestSource({
    kind: "manifest",
    path: path.join(dir, name),
    pathColumn: "file",
    captionColumn,
  });
}

describe("CSV manifest", () => {
  it("reads quoted fields (commas, doubled quotes, newlines), a BOM and CRLF", async () => {
    const text =
      "\uFEFFfile,caption,license\r\n" +
      'img/a.jpg,"A cat, sitting ""politely""",cc-by\r\n' +
      '"img/c d.jpg","two\r\nlines",cc0\r\n' +
      "\r\n" +
      "img/b.jpg,,\r\n";
    const source = await open("quotes.csv", text, "caption");
    const items = await collect(source);
    expect(items.map((i) => [i.source, i.caption, i.metadata])).toEqual([
      ["row 1", 'A cat, sitting "politely"', { license: "cc-by" }],
      ["row 2", "two\r\nlines", { license: "cc0" }],
      ["row 3", null, { license: "" }],
    ]);
    expect(items[1]!.locator).toEqual({ kind: "file", path: path.join(dir, "img", "c d.jpg") });
    expect(await source.countItems()).toBe(3);
  });

  it("makes a row with the wrong number of fields an error item and goes on", async () => {
    const items = await collect(
      await open(
        "fields.csv",
        "file,caption\nimg/a.jpg,one\nimg/b.jpg,two,extra\nimg/b.jpg\nimg/b.jpg,four\n",
      ),
    );
    expect(outcomes(items)).toEqual({
      "row 1": "ok",
      "row 2": "has 3 fields but the header has 2",
      "row 3": "has 1 field but the header has 2",
      "row 4": "ok",
    });
    expectUniqueIds(items);
  });

  it("ends with one error item when the CSV breaks, keeping the rows before it", async () => {
    const source = await open(
      "broken.csv",
      'file,caption\nimg/a.jpg,ok\nimg/b.jpg,"never closed\nimg/a.jpg,lost\n',
    );
    const items = await collect(source);
    expect(items.map((i) => i.source)).toEqual(["row 1", "row 2"]);
    expect(items[0]!.error).toBeUndefined();
    expect(items[1]!.error).toMatch(
      /^the CSV cannot be parsed from here on, so this row and any after it were not read: Quote Not Closed/,
    );
    expect(await source.countItems()).toBe(2);
  });

  it("refuses a manifest without the named column before any item, listing the columns", async () => {
    await expect(open("nocol.csv", "path,text\nimg/a.jpg,x\n")).rejects.toThrow(
      new SourceError(
        `manifest ${path.join(dir, "nocol.csv")} has no column "file" (its columns: "path", "text")`,
      ),
    );
    await expect(open("nocap.csv", "file,text\nimg/a.jpg,x\n", "caption")).rejects.toThrow(
      /has no column "caption" \(its columns: "file", "text"\)/,
    );
  });

  it("refuses a header naming a column twice, or no header at all", async () => {
    await expect(open("dup.csv", "file,x,x\n")).rejects.toThrow(/names the column "x" twice/);
    await expect(open("blank.csv", "\n\n")).rejects.toThrow(/has no header row/);
  });

  it("reads a header-only manifest as no items", async () => {
    expect(await collect(await open("header.csv", "file,caption\n"))).toEqual([]);
  });
});
