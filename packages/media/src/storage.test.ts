import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidSha256Error, LocalMediaStorage, sha256Hex } from "./storage";

let root: string;
let storage: LocalMediaStorage;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-media-"));
  storage = new LocalMediaStorage(root);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("LocalMediaStorage", () => {
  it("stores bytes under their sha256 and reads them back, whole or by inclusive range", async () => {
    const bytes = Buffer.from("hello, content-addressed world");
    const stored = await storage.put(bytes);
    expect(stored).toEqual({ sha256: sha256Hex(bytes), bytes: bytes.length, created: true });
    const sha = stored.sha256;
    expect(fs.existsSync(path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(true);
    expect(storage.localPath(sha)).toBe(path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha));
    expect(await storage.has(sha)).toBe(true);
    expect(await storage.stat(sha)).toEqual({ bytes: bytes.length });
    expect(await readAll(storage.createReadStream(sha))).toEqual(bytes);
    expect((await readAll(storage.createReadStream(sha, { start: 7, end: 13 }))).toString()).toBe("content");
  });

  it("deduplicates identical content and leaves no temporary files", async () => {
    const bytes = Buffer.from("same bytes");
    const [a, b] = await Promise.all([storage.put(bytes), storage.put(bytes)]);
    expect(a.sha256).toBe(b.sha256);
    const again = await storage.put(Buffer.from("same bytes"));
    expect(again.created).toBe(false);
    const dir = path.dirname(storage.localPath(a.sha256));
    expect(fs.readdirSync(dir)).toEqual([a.sha256]);
  });

  it("rewrites a stored file whose size no longer matches (a damaged copy)", async () => {
    const bytes = Buffer.from("precious");
    const { sha256 } = await storage.put(bytes);
    fs.writeFileSync(storage.localPath(sha256), "pre");
    expect((await storage.put(bytes)).created).toBe(true);
    expect(fs.readFileSync(storage.localPath(sha256))).toEqual(bytes);
  });

  it("stores a file's content by streaming it, deduplicated like put", async () => {
    const file = path.join(root, "..", `${path.basename(root)}-input.bin`);
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 7, 1);
    bytes.write("not all ones", 1000);
    fs.writeFileSync(file, bytes);
    try {
      const stored = await storage.putFile(file);
      expect(stored).toEqual({ sha256: sha256Hex(bytes), bytes: bytes.length, created: true });
      expect(fs.readFileSync(storage.localPath(stored.sha256)).equals(bytes)).toBe(true);
      expect(await storage.put(bytes)).toMatchObject({ sha256: stored.sha256, created: false });
      expect(await storage.putFile(file)).toMatchObject({ created: false });
      expect(fs.existsSync(file)).toBe(true);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it("reports unknown content as absent", async () => {
    const sha = "0".repeat(64);
    expect(await storage.has(sha)).toBe(false);
    expect(await storage.stat(sha)).toBeNull();
  });

  it("refuses anything that is not a lowercase hex sha256, including path tricks", async () => {
    const bad = [
      "../../etc/passwd",
      "A".repeat(64),
      "0".repeat(63),
      "0".repeat(65),
      `${"0".repeat(62)}/x`,
      "",
      "../" + "0".repeat(61),
    ];
    for (const sha of bad) {
      await expect(storage.has(sha)).rejects.toBeInstanceOf(InvalidSha256Error);
      await expect(storage.stat(sha)).rejects.toBeInstanceOf(InvalidSha256Error);
      expect(() => storage.createReadStream(sha)).toThrow(InvalidSha256Error);
    }
  });
});
