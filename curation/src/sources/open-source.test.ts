import fsp from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceError } from "./errors";
import { openSource } from "./open-source";
import { shardItems } from "./shards";
import { buildTar, collect, expectUniqueIds, makeTempDir, writeFiles } from "./test-helpers";

let dir: string;

async function writeTar(file: string, names: string[]): Promise<void> {
  await fsp.writeFile(file, await buildTar(names.map((name) => ({ name, data: `bytes of ${name}` }))));
}

beforeAll(async () => {
  dir = await makeTempDir();
  const files: Record<string, string> = {};
  for (let i = 0; i < 2300; i++)
    files[`corpus/${String(Math.floor(i / 100)).padStart(2, "0")}/${i}.jpg`] = "";
  await writeFiles(dir, files);
  await writeFiles(dir, { "m.jsonl": '{"path": "corpus/00/0.jpg"}\n{"path": "corpus/00/1.jpg"}\n' });
  await writeTar(path.join(dir, "s.tar"), ["a.jpg", "a.txt", "b.jpg", "b.txt"]);
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe("openSource", () => {
  it("opens each kind from a plain config", async () => {
    const folder = await openSource({ kind: "folder", root: path.join(dir, "corpus") });
    const manifest = await openSource({
      kind: "manifest",
      path: path.join(dir, "m.jsonl"),
      pathColumn: "path",
    });
    const shards = await openSource({ kind: "webdataset", shards: ["s.tar"], root: dir });
    expect([folder.kind, manifest.kind, shards.kind]).toEqual(["folder", "manifest", "webdataset"]);
    expect((await collect(manifest)).map((i) => i.error ?? "ok")).toEqual(["ok", "ok"]);
    expect((await collect(shards)).map((i) => [i.source, i.caption])).toEqual([
      ["s.tar#a", "bytes of a.txt"],
      ["s.tar#b", "bytes of b.txt"],
    ]);
  });

  it("throws one-line SourceErrors for bad configs and missing columns, before any item", async () => {
    await expect(openSource({ kind: "folder" })).rejects.toThrow(SourceError);
    await expect(openSource(null)).rejects.toThrow(/^invalid source config: /);
    await expect(
      openSource({ kind: "manifest", path: path.join(dir, "m.jsonl"), pathColumn: "image" }),
    ).rejects.toThrow(/has no column "image" \(its columns: "path"\)/);
  });

  it("splits a source into the same shards on every read, each item exactly once", async () => {
    const source = await openSource({ kind: "folder", root: path.join(dir, "corpus") });
    const read = async () => {
      const out: { id: string; ids: string[] }[] = [];
      for await (const shard of shardItems(source, 1000))
        out.push({ id: shard.id, ids: shard.items.map((i) => i.id) });
      return out;
    };
    const first = await read();
    expect(first.map((s) => [s.id, s.ids.length])).toEqual([
      ["shard-00000", 1000],
      ["shard-00001", 1000],
      ["shard-00002", 300],
    ]);
    expect(await read()).toEqual(first);
    const all = await collect(source);
    expect(all).toHaveLength(2300);
    expectUniqueIds(all);
    expect(await source.countItems()).toBe(2300);
  });

  it("lets a reader stop early without leaving anything open", async () => {
    for (const config of [
      { kind: "folder", root: path.join(dir, "corpus") },
      { kind: "manifest", path: path.join(dir, "m.jsonl"), pathColumn: "path" },
      { kind: "webdataset", shards: ["s.tar"], root: dir },
    ]) {
      const source = await openSource(config);
      for await (const item of source) {
        expect(item.error).toBeUndefined();
        break;
      }
    }
  });
});
