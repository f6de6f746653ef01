import fsp from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceError } from "./errors";
import { itemId, type LocatedItem, type SourceItem, type TarMemberLocator } from "./item";
import { openTarMember, readTarMember, readTarMemberBytes } from "./tar-member";
import { openWebDatasetSource, readShard, splitMemberName } from "./webdataset";
import { buildTar, collect, expectUniqueIds, makeTempDir, outcomes, type TarEntrySpec } from "./test-helpers";

const bytes = (n: number, fill: number) => Buffer.alloc(n, fill);
const LONG = `long/${"x".repeat(120)}`;

const ENTRIES: TarEntrySpec[] = [
  { name: "000000.jpg", data: bytes(1000, 1) },
  { name: "000000.txt", data: "a cat\n" },
  { name: "000000.json", data: JSON.stringify({ width: 640, source: "web" }) },
  { name: "000001.png", data: bytes(700, 2) },
  { name: "000001.txt", data: "a dog" },
  { name: "000002.txt", data: "caption only" },
  { name: "000003.jpg", data: bytes(10, 3) },
  { name: "000003.json", data: "{not json" },
  { name: "000004.jpg", data: bytes(10, 4) },
  { name: "000004.png", data: bytes(10, 4) },
  { name: "nested", directory: true },
  { name: "nested/000005.webp", data: bytes(2000, 5) },
  { name: "nested/000005.cls", data: "3" },
  { name: "._junk.jpg", data: "apple double" },
  { name: "README", data: "not a sample" },
  { name: "000001.json", data: "{}" },
  { name: `${LONG}.mp4`, data: bytes(600, 6) },
  { name: "000007.jpg", data: "" },
  { name: "000008.jpg", symlink: "000000.jpg" },
];

let dir: string;
let shard: Buffer;

beforeAll(async () => {
  dir = await makeTempDir();
  shard = await buildTar(ENTRIES);
  await fsp.writeFile(path.join(dir, "shard-0000.tar"), shard);
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function readFile(name: string, content: Buffer): Promise<SourceItem[]> {
  await fsp.writeFile(path.join(dir, name), content);
  return collect(readShard({ label: name, path: path.join(dir, name) }));
}

const located = (items: SourceItem[], source: string) =>
  items.find((i) => i.source === source) as LocatedItem;

describe("splitMemberName", () => {
  it("keys a member by its name up to the first dot of the base name", () => {
    expect(splitMemberName("a/b/000123.jpg")).toEqual({ key: "a/b/000123", field: "jpg" });
    expect(splitMemberName("000123.0.png")).toEqual({ key: "000123", field: "0.png" });
    expect(splitMemberName("a.b/c.txt")).toEqual({ key: "a.b/c", field: "txt" });
    expect(splitMemberName("._x.jpg")).toBeNull();
    expect(splitMemberName("README")).toBeNull();
  });
});

describe("WebDataset shard", () => {
  it("groups members into samples, one item each, problems as error items", async () => {
    const items = await readFile("shard-0000.tar", shard);
    const s = (key: string) => `shard-0000.tar#${key}`;
    expect(outcomes(items)).toEqual({
      [s("000000")]: "ok",
      [s("000001")]: "ok",
      [s("000002")]: "sample has no media member (members: 000002.txt)",
      [s("000003")]: expect.stringMatching(/^member 000003\.json is not valid JSON: /),
      [s("000004")]: "sample has 2 media members (000004.jpg, 000004.png); expected one",
      [s("nested/000005")]: "ok",
      [s("._junk.jpg")]: "member ._junk.jpg has no sample key (its name needs a key before the first dot)",
      [s("000001 (again, member 15)")]: expect.stringMatching(
        /^sample key "000001" appears again after other samples/,
      ),
      [s(LONG)]: "ok",
      [s("000007")]: "ok",
      [s("000008.jpg")]: "member 000008.jpg is a symlink, not a file",
    });
    expect(items).toHaveLength(11);
    expectUniqueIds(items);

    expect(items[0]).toMatchObject({
      id: itemId("webdataset", "shard-0000.tar", "sample", "000000"),
      caption: "a cat",
      metadata: { width: 640, source: "web" },
      locator: {
        kind: "tar-member",
        shard: path.join(dir, "shard-0000.tar"),
        member: "000000.jpg",
        size: 1000,
      },
    });
    expect(located(items, s("000001"))).toMatchObject({ caption: "a dog", metadata: {} });
    expect(located(items, s("000007")).locator).toMatchObject({ member: "000007.jpg", size: 0 });
  });

  it("reads the same ids twice", async () => {
    const first = await readFile("shard-0000.tar", shard);
    const second = await readFile("shard-0000.tar", shard);
    expect(second.map((i) => i.id)).toEqual(first.map((i) => i.id));
  });

  it("reads a member's bytes later, by range or by scanning, without loading the shard", async () => {
    const items = await readFile("shard-0000.tar", shard);
    for (const [key, expected] of [
      ["000000", bytes(1000, 1)],
      ["nested/000005", bytes(2000, 5)],
      [LONG, bytes(600, 6)],
      ["000007", Buffer.alloc(0)],
    ] as const) {
      const locator = located(items, `shard-0000.tar#${key}`).locator as TarMemberLocator;
      expect(await readTarMemberBytes(locator, 1 << 20)).toEqual(expected);
      const scanned: Buffer[] = [];
      for await (const chunk of readTarMember(locator.shard, locator.member)) scanned.push(chunk as Buffer);
      expect(Buffer.concat(scanned)).toEqual(expected);
    }
  });

  it("refuses a member over the byte limit, or one that is not there", async () => {
    const locator: TarMemberLocator = {
      kind: "tar-member",
      shard: path.join(dir, "shard-0000.tar"),
      member: "000000.jpg",
    };
    await expect(readTarMemberBytes(locator, 999)).rejects.toThrow(/larger than the limit of 999 bytes/);
    await expect(readTarMemberBytes({ ...locator, size: 1000, offset: 512 }, 999)).rejects.toThrow(
      /is 1000 bytes/,
    );
    await expect(readTarMemberBytes({ ...locator, member: "nope.jpg" }, 10)).rejects.toThrow(
      /has no member nope\.jpg/,
    );
    const stream = openTarMember({ ...locator, offset: shard.length, size: 10 });
    await expect(collectStream(stream)).rejects.toThrow(/shorter than its listing says/);
  });

  it("reads gzipped shards too (members then found by scanning)", async () => {
    const items = await readFile("shard-0000.tar.gz", zlib.gzipSync(shard));
    expect(items.map((i) => i.error ?? "ok")).toEqual(
      (await readFile("shard-0000.tar", shard)).map((i) => i.error ?? "ok"),
    );
    const locator = items[0]!.locator as TarMemberLocator;
    expect(locator.offset).toBeUndefined();
    expect(await readTarMemberBytes(locator, 1 << 20)).toEqual(bytes(1000, 1));
  });
});

async function collectStream(stream: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of stream) n++;
  return n;
}

describe("damaged shards", () => {
  let png: TarMemberLocator;
  beforeAll(async () => {
    const items = await readFile("shard-0000.tar", shard);
    png = located(items, "shard-0000.tar#000001").locator as TarMemberLocator;
  });

  it("a shard truncated inside a member: the samples before it, then one error item", async () => {
    const items = await readFile("cut.tar", shard.subarray(0, png.offset! + 100));
    expect(items.map((i) => [i.source, i.error ?? "ok"])).toEqual([
      ["cut.tar#000000", "ok"],
      [
        "cut.tar",
        'shard is truncated or corrupt: Unexpected end of data (1 complete sample read before it; sample "000001" and anything after it could not be read)',
      ],
    ]);
    expect(items[1]!.id).toBe(itemId("webdataset", "cut.tar"));
  });

  it("a shard cut at a member boundary: the missing end-of-archive marker gives it away", async () => {
    const boundary = Math.ceil((png.offset! + png.size!) / 512) * 512;
    const items = await readFile("boundary.tar", shard.subarray(0, boundary));
    expect(items.map((i) => i.source)).toEqual(["boundary.tar#000000", "boundary.tar"]);
    expect(items[1]!.error).toMatch(
      /^shard ends without the tar end-of-archive marker, so it is probably truncated/,
    );
  });

  it("a corrupt header, a zero-byte file, and a file that is no tar at all", async () => {
    const corrupt = Buffer.from(shard);
    corrupt.fill(0x41, png.offset! - 512, png.offset! - 412);
    const c = await readFile("corrupt.tar", corrupt);
    expect(c.map((i) => i.source)).toEqual(["corrupt.tar"]);
    expect(c[0]!.error).toMatch(
      /^shard is truncated or corrupt: Invalid tar header.*sample "000000" and anything after/,
    );

    expect(outcomes(await readFile("empty.tar", Buffer.alloc(0)))).toEqual({
      "empty.tar": "shard is empty (0 bytes)",
    });
    const garbage = await readFile("garbage.tar", Buffer.from("not a tar ".repeat(200)));
    expect(garbage.map((i) => i.source)).toEqual(["garbage.tar"]);
    expect(garbage[0]!.error).toMatch(
      /^shard is truncated or corrupt: .*\(0 complete samples read before it\)$/,
    );
  });

  it("an empty but well-formed tar has no items", async () => {
    expect(await readFile("none.tar", await buildTar([]))).toEqual([]);
  });
});

describe("WebDataset source", () => {
  it("expands brace patterns against root, reading shards in order", async () => {
    const root = path.join(dir, "set");
    await fsp.mkdir(root);
    await fsp.writeFile(path.join(root, "data-00.tar"), await buildTar([{ name: "a.jpg", data: "1" }]));
    await fsp.writeFile(path.join(root, "data-01.tar"), await buildTar([{ name: "a.jpg", data: "2" }]));
    await fsp.writeFile(path.join(root, "data-02.tar"), shard.subarray(0, 2000));
    const source = await openWebDatasetSource({ kind: "webdataset", shards: ["data-{00..02}.tar"], root });
    const items = await collect(source);
    expect(items.map((i) => [i.source, i.error === undefined])).toEqual([
      ["data-00.tar#a", true],
      ["data-01.tar#a", true],
      ["data-02.tar", false],
    ]);
    expectUniqueIds(items);
    expect(await source.countItems()).toBeNull();

    // Ids depend on the shard as written, not where the set is mounted.
    const moved = path.join(dir, "moved");
    await fsp.cp(root, moved, { recursive: true });
    const again = await collect(
      await openWebDatasetSource({ kind: "webdataset", shards: ["data-{00..02}.tar"], root: moved }),
    );
    expect(again.map((i) => i.id)).toEqual(items.map((i) => i.id));
  });

  it("refuses missing or repeated shards before reading any", async () => {
    const root = path.join(dir, "set");
    await expect(
      openWebDatasetSource({ kind: "webdataset", shards: ["data-{00..04}.tar"], root }),
    ).rejects.toThrow(
      new SourceError("2 of 5 shards cannot be read: data-03.tar (not found), data-04.tar (not found)"),
    );
    await expect(
      openWebDatasetSource({ kind: "webdataset", shards: ["data-{00..01}.tar", "data-01.tar"], root }),
    ).rejects.toThrow(/shard data-01.tar is listed more than once/);
  });
});
