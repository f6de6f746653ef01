import fsp from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceError } from "./errors";
import { manifestFormat, openManifestSource } from "./manifest";
import { collect, makeTempDir, outcomes, writeFiles } from "./test-helpers";

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir();
  await writeFiles(dir, {
    "media/a.jpg": "a",
    "media/sub/b.jpg": "b",
    "other/c.jpg": "c",
    "lists/rel.jsonl": [
      JSON.stringify({ p: "a.jpg" }),
      JSON.stringify({ p: "sub/b.jpg" }),
      JSON.stringify({ p: "../other/c.jpg" }),
      JSON.stringify({ p: path.join(dir, "media", "a.jpg") }),
      JSON.stringify({ p: path.join(dir, "other", "c.jpg") }),
      JSON.stringify({ p: "sub" }),
    ].join("\n"),
  });
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe("manifest paths", () => {
  it("resolves relative paths against root and refuses any path leaving it", async () => {
    const items = await collect(
      await openManifestSource({
        kind: "manifest",
        path: path.join(dir, "lists", "rel.jsonl"),
        pathColumn: "p",
        root: path.join(dir, "media"),
      }),
    );
    expect(outcomes(items)).toEqual({
      "line 1": "ok",
      "line 2": "ok",
      "line 3": "path escapes the source root: ../other/c.jpg",
      "line 4": "ok",
      "line 5": `path escapes the source root: ${path.join(dir, "other", "c.jpg")}`,
      "line 6": "not a regular file: sub",
    });
    expect(items[1]!.locator).toEqual({ kind: "file", path: path.join(dir, "media", "sub", "b.jpg") });
  });

  it("defaults the root to the manifest's folder", async () => {
    const items = await collect(
      await openManifestSource({
        kind: "manifest",
        path: path.join(dir, "lists", "rel.jsonl"),
        pathColumn: "p",
      }),
    );
    expect(items[0]!.error).toBe("file not found: a.jpg");
    expect(items[2]!.error).toBe("path escapes the source root: ../other/c.jpg");
  });
});

describe("manifest URLs", () => {
  it("makes URL locators without fetching anything, refusing what is not a supported URL", async () => {
    await writeFiles(dir, {
      "urls.csv": [
        "url,caption",
        "https://example.com/a.jpg,one",
        "s3://bucket/key.png,two",
        "ftp://example.com/c.jpg,three",
        "not a url,four",
        "file:///etc/passwd,five",
      ].join("\n"),
    });
    const items = await collect(
      await openManifestSource({ kind: "manifest", path: path.join(dir, "urls.csv"), urlColumn: "url" }),
    );
    expect(items.map((i) => i.locator)).toEqual([
      { kind: "url", url: "https://example.com/a.jpg" },
      { kind: "url", url: "s3://bucket/key.png" },
      null,
      null,
      null,
    ]);
    expect(items[2]!.error).toMatch(/^URL scheme "ftp:" is not supported/);
    expect(items[3]!.error).toBe('not a URL: "not a url"');
    expect(items[4]!.error).toMatch(/^URL scheme "file:" is not supported/);
    expect(items[0]!.metadata).toEqual({ caption: "one" });
  });
});

describe("opening a manifest", () => {
  it("tells the format from the extension or the config", () => {
    expect(manifestFormat("a/b.JSONL")).toBe("jsonl");
    expect(manifestFormat("b.ndjson")).toBe("jsonl");
    expect(manifestFormat("b.csv")).toBe("csv");
    expect(manifestFormat("b.pq")).toBe("parquet");
    expect(manifestFormat("b.txt", "csv")).toBe("csv");
    expect(() => manifestFormat("b.json")).toThrow(
      /cannot tell the format of manifest b.json from its extension ".json"/,
    );
  });

  it("refuses a missing, empty or folder manifest with a one-line SourceError", async () => {
    await writeFiles(dir, { "empty.jsonl": "" });
    const open = (p: string) =>
      openManifestSource({ kind: "manifest", path: path.join(dir, p), pathColumn: "p" });
    await expect(open("nope.jsonl")).rejects.toThrow(
      new SourceError(`manifest ${path.join(dir, "nope.jsonl")} does not exist`),
    );
    await expect(open("empty.jsonl")).rejects.toThrow(/is empty \(0 bytes\)/);
    await expect(open("media")).rejects.toThrow(/is not a file/);
  });

  it("checks the JSONL columns on the first object line, and a missing root", async () => {
    await writeFiles(dir, { "first.jsonl": 'garbage\n{"file": "a.jpg", "w": 1}\n{"p": "a.jpg"}\n' });
    await expect(
      openManifestSource({ kind: "manifest", path: path.join(dir, "first.jsonl"), pathColumn: "p" }),
    ).rejects.toThrow(/has no column "p" \(its columns: "file", "w"\)/);
    await expect(
      openManifestSource({
        kind: "manifest",
        path: path.join(dir, "first.jsonl"),
        pathColumn: "file",
        root: "/no/such",
      }),
    ).rejects.toThrow(/manifest root \/no\/such does not exist/);
  });
});
