import fsp from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemId } from "./item";
import { openManifestSource } from "./manifest";
import { collect, expectUniqueIds, makeTempDir, outcomes, writeFiles } from "./test-helpers";

let base: string;
let dir: string;

const MANIFEST = [
  JSON.stringify({ path: "images/a.jpg", caption: "a cat", score: 0.9 }),
  '{"path": "images/b.jpg", "caption": ',
  "",
  JSON.stringify({ caption: "no path here" }),
  JSON.stringify({ path: "../outside.jpg", caption: "escape" }),
  JSON.stringify({ path: "images/missing.jpg" }),
  "[1, 2]",
  JSON.stringify({ path: "images/b.jpg", caption: null, tags: ["x", "y"] }),
  JSON.stringify({ path: 42 }),
  JSON.stringify({ path: "link.jpg" }),
  JSON.stringify({ path: "images/empty.jpg", caption: 7 }),
  JSON.stringify({ path: "   " }),
].join("\r\n");

beforeAll(async () => {
  base = await makeTempDir();
  dir = path.join(base, "set");
  await writeFiles(dir, {
    "images/a.jpg": "a",
    "images/b.jpg": "b",
    "images/empty.jpg": "",
    "manifest.jsonl": MANIFEST + "\n",
  });
  await writeFiles(base, { "outside.jpg": "x" });
  await fsp.symlink(path.join(base, "outside.jpg"), path.join(dir, "link.jpg"));
});

afterAll(async () => {
  await fsp.rm(base, { recursive: true, force: true });
});

describe("JSONL manifest", () => {
  it("yields one item per non-blank line, bad lines as error items, the rest going on", async () => {
    const source = await openManifestSource({
      kind: "manifest",
      path: path.join(dir, "manifest.jsonl"),
      pathColumn: "path",
      captionColumn: "caption",
    });
    const items = await collect(source);
    expect(outcomes(items)).toEqual({
      "line 1": "ok",
      "line 2": expect.stringMatching(/^not valid JSON: /),
      "line 4": 'no "path" field',
      "line 5": "path escapes the source root: ../outside.jpg",
      "line 6": "file not found: images/missing.jpg",
      "line 7": "not a JSON object",
      "line 8": "ok",
      "line 9": '"path" is a number, not text',
      "line 10": "path escapes the source root: link.jpg",
      "line 11": '"caption" is a number, not text',
      "line 12": '"path" is empty',
    });
    expect(items).toHaveLength(11);
    expectUniqueIds(items);
    expect(await source.countItems()).toBe(11);

    expect(items[0]).toEqual({
      id: itemId("manifest", "manifest.jsonl", "line 1"),
      source: "line 1",
      locator: { kind: "file", path: path.join(dir, "images", "a.jpg") },
      caption: "a cat",
      metadata: { score: 0.9 },
    });
    expect(items.find((i) => i.source === "line 8")).toMatchObject({
      caption: null,
      metadata: { tags: ["x", "y"] },
    });
    // An error row keeps what it knew.
    expect(items.find((i) => i.source === "line 5")).toMatchObject({ caption: "escape", locator: null });
  });

  it("reads the same ids twice, and in a copy elsewhere", async () => {
    const config = { kind: "manifest" as const, path: path.join(dir, "manifest.jsonl"), pathColumn: "path" };
    const first = await collect(await openManifestSource(config));
    const second = await collect(await openManifestSource(config));
    expect(second.map((i) => i.id)).toEqual(first.map((i) => i.id));

    const copy = path.join(base, "copy");
    await fsp.cp(dir, copy, { recursive: true, verbatimSymlinks: true });
    const copied = await collect(
      await openManifestSource({ ...config, path: path.join(copy, "manifest.jsonl") }),
    );
    expect(copied.map((i) => i.id)).toEqual(first.map((i) => i.id));
  });
});
