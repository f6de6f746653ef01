import fsp from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceError } from "./errors";
import { openFolderSource } from "./folder";
import { itemId, type SourceItem } from "./item";
import { collect, expectUniqueIds, makeTempDir, outcomes, writeFiles } from "./test-helpers";

let base: string;
let root: string;

beforeAll(async () => {
  base = await makeTempDir();
  root = path.join(base, "corpus");
  await writeFiles(root, {
    "a.jpg": "jpeg bytes",
    "b.PNG": "png bytes",
    "empty.jpg": "",
    "notes.txt": "not media",
    "sub/c.webp": "webp bytes",
    "sub/deeper/d.mp4": "mp4 bytes",
    "sub/deeper/e.jpeg": "jpeg bytes",
  });
  await writeFiles(base, { "outside/secret.jpg": "not yours" });
  await fsp.symlink(path.join(root, "a.jpg"), path.join(root, "link-in.jpg"));
  await fsp.symlink(path.join(base, "outside", "secret.jpg"), path.join(root, "link-out.jpg"));
  await fsp.symlink(path.join(base, "outside"), path.join(root, "linked-dir"));
  await fsp.symlink(path.join(root, "sub"), path.join(root, "sub-again"));
  await fsp.symlink(path.join(root, "nowhere.jpg"), path.join(root, "broken.jpg"));
});

afterAll(async () => {
  await fsp.rm(base, { recursive: true, force: true });
});

describe("folder source", () => {
  it("yields every media file once, sorted, with links out of the root as errors", async () => {
    const items = await collect(await openFolderSource({ kind: "folder", root }));
    expect(items.map((i) => i.source)).toEqual([
      "a.jpg",
      "b.PNG",
      "broken.jpg",
      "empty.jpg",
      "link-in.jpg",
      "link-out.jpg",
      "linked-dir",
      "sub/c.webp",
      "sub/deeper/d.mp4",
      "sub/deeper/e.jpeg",
    ]);
    expect(outcomes(items)).toEqual({
      "a.jpg": "ok",
      "b.PNG": "ok",
      "broken.jpg": "broken symbolic link",
      "empty.jpg": "ok",
      "link-in.jpg": "ok",
      "link-out.jpg": `path escapes the source root: symbolic link to ${path.join(base, "outside", "secret.jpg")}`,
      "linked-dir": `path escapes the source root: symbolic link to ${path.join(base, "outside")}`,
      "sub/c.webp": "ok",
      "sub/deeper/d.mp4": "ok",
      "sub/deeper/e.jpeg": "ok",
    });
    expectUniqueIds(items);
    const bySource = new Map(items.map((i) => [i.source, i]));
    // The empty file is yielded (the decode stage marks it); the inside link points at its target.
    expect(bySource.get("empty.jpg")).toMatchObject({
      locator: { kind: "file", path: path.join(root, "empty.jpg") },
    });
    expect(bySource.get("link-in.jpg")).toMatchObject({
      locator: { kind: "file", path: path.join(root, "a.jpg") },
    });
    expect(bySource.get("link-out.jpg")).toMatchObject({ locator: null });
    expect(bySource.get("a.jpg")).toMatchObject({ caption: null, metadata: {} });
  });

  it("gives the same ids on every read and wherever the corpus lives", async () => {
    const source = await openFolderSource({ kind: "folder", root });
    const first = await collect(source);
    const second = await collect(source);
    expect(second.map((i) => i.id)).toEqual(first.map((i) => i.id));
    expect(first[0]!.id).toBe(itemId("folder", "a.jpg"));

    const copy = path.join(base, "copy");
    await fsp.cp(path.join(root, "sub"), path.join(copy, "sub"), { recursive: true });
    const copied = await collect(await openFolderSource({ kind: "folder", root: copy }));
    const ids = (items: SourceItem[]) => items.filter((i) => i.source.startsWith("sub/")).map((i) => i.id);
    expect(ids(copied)).toEqual(ids(first));
  });

  it("counts what it yields", async () => {
    const source = await openFolderSource({ kind: "folder", root });
    expect(await source.countItems()).toBe((await collect(source)).length);
  });

  it("takes other extensions when told (a linked folder leaving the root is still reported)", async () => {
    const items = await collect(await openFolderSource({ kind: "folder", root, extensions: [".txt"] }));
    expect(items.map((i) => i.source)).toEqual(["linked-dir", "notes.txt"]);
  });

  it("refuses a root that is missing or not a folder before yielding anything", async () => {
    await expect(openFolderSource({ kind: "folder", root: path.join(base, "nope") })).rejects.toThrow(
      new SourceError(`folder ${path.join(base, "nope")} does not exist`),
    );
    await expect(openFolderSource({ kind: "folder", root: path.join(root, "a.jpg") })).rejects.toThrow(
      /is not a folder/,
    );
  });

  it.skipIf(process.getuid?.() === 0)("reports an unreadable subfolder as one error item", async () => {
    const locked = path.join(base, "locked");
    await writeFiles(locked, { "ok.jpg": "x", "private/hidden.jpg": "x" });
    await fsp.chmod(path.join(locked, "private"), 0o000);
    try {
      const items = await collect(await openFolderSource({ kind: "folder", root: locked }));
      expect(items.map((i) => i.source)).toEqual(["ok.jpg", "private/"]);
      expect(items[1]!.error).toMatch(/^folder cannot be read: EACCES/);
    } finally {
      await fsp.chmod(path.join(locked, "private"), 0o755);
    }
  });
});
