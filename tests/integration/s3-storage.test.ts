/**
 * S3MediaStorage against a real S3-compatible server: s3rver, started here on a free port with its
 * files in a temporary folder. First the MediaStorage contract (dedup, stat, whole and ranged reads,
 * a missing object), then two "machines" sharing one bucket: a Loupe runtime stores REST uploads in
 * S3 (nothing lands in its data directory), and a second storage instance, the media route and a
 * worker with an empty data directory of its own all read the same bytes by sha256.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DeleteObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaToken, S3MediaStorage, serveMedia, sha256Hex } from "@loupe/media";
import { makeTestMedia } from "@loupe/media/testing";
import { migrateJobQueue, startWorker, type RunningWorker } from "@loupe/worker";
import { startS3Server, S3RVER_CREDENTIALS } from "./support/s3-server";
import { BASE_URL, createTestApp, type TestApp } from "./support/test-app";

const BUCKET = "loupe-media";
const CREDENTIALS = S3RVER_CREDENTIALS;

let s3: Awaited<ReturnType<typeof startS3Server>>;
let endpoint: string;
const opened: S3MediaStorage[] = [];

function s3Storage(prefix: string, bucket = BUCKET): S3MediaStorage {
  const storage = new S3MediaStorage({ bucket, prefix, endpoint, ...CREDENTIALS });
  opened.push(storage);
  return storage;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const keyOf = (prefix: string, sha: string) => `${prefix}${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;

beforeAll(async () => {
  s3 = await startS3Server([BUCKET]);
  endpoint = s3.endpoint;
});
afterAll(async () => {
  for (const storage of opened) storage.destroy();
  await s3?.close();
});

describe("S3MediaStorage on an S3-compatible server", () => {
  const bytes = crypto.randomBytes(200_000);
  const sha = sha256Hex(bytes);

  it("stores bytes once under <prefix><aa>/<bb>/<sha256>", async () => {
    const storage = s3Storage("media/");
    expect(await storage.put(bytes)).toEqual({ sha256: sha, bytes: bytes.length, created: true });
    expect(await storage.put(Buffer.from(bytes))).toEqual({
      sha256: sha,
      bytes: bytes.length,
      created: false,
    });
    expect(await storage.has(sha)).toBe(true);
    expect(await storage.stat(sha)).toEqual({ bytes: bytes.length });
    const head = await storage.client.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: keyOf("media/", sha) }),
    );
    expect(head.ContentLength).toBe(bytes.length);
    // Another prefix is another store.
    expect(await s3Storage("elsewhere/").has(sha)).toBe(false);
  });

  it("stores a file by streaming it, under the hash of its content", async () => {
    const storage = s3Storage("files/");
    const content = crypto.randomBytes(300_000);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "loupe-s3-file-")), "data.bin");
    fs.writeFileSync(file, content);
    const stored = await storage.putFile(file);
    expect(stored).toEqual({ sha256: sha256Hex(content), bytes: content.length, created: true });
    expect(await storage.putFile(file)).toMatchObject({ created: false });
    const back: Buffer[] = [];
    for await (const chunk of storage.createReadStream(stored.sha256)) back.push(chunk as Buffer);
    expect(Buffer.concat(back).equals(content)).toBe(true);
  });

  it("streams the whole object or an inclusive byte range", async () => {
    const storage = s3Storage("media/");
    expect((await readAll(storage.createReadStream(sha))).equals(bytes)).toBe(true);
    // Not `bytes=0-0`: s3rver 3.7 reads an end of 0 as "to the end" (S3 itself sends one byte).
    const ranges = [
      { start: 0, end: 1 },
      { start: 10, end: 19 },
      { start: 65_536, end: 150_000 },
      { start: bytes.length - 5, end: bytes.length - 1 },
    ];
    for (const range of ranges) {
      const got = await readAll(storage.createReadStream(sha, range));
      expect(got.equals(bytes.subarray(range.start, range.end + 1))).toBe(true);
    }
  });

  it("a missing object: stat null, has false, and the read stream errors like a missing file", async () => {
    const storage = s3Storage("media/");
    const missing = sha256Hex(Buffer.from("never stored"));
    expect(await storage.stat(missing)).toBeNull();
    expect(await storage.has(missing)).toBe(false);
    await expect(readAll(storage.createReadStream(missing))).rejects.toMatchObject({ code: "ENOENT" });
    await expect(readAll(storage.createReadStream(missing, { start: 0, end: 9 }))).rejects.toThrow(
      /not stored/,
    );
  });

  it("a reader that stops early leaves the storage usable", async () => {
    const storage = s3Storage("media/");
    const stream = storage.createReadStream(sha);
    for await (const chunk of stream) {
      expect((chunk as Buffer).length).toBeGreaterThan(0);
      break; // destroys the stream
    }
    expect(stream.destroyed).toBe(true);
    expect(
      (await readAll(storage.createReadStream(sha, { start: 1, end: 3 }))).equals(bytes.subarray(1, 4)),
    ).toBe(true);
  });

  it("replaces a damaged copy (wrong size) under a hash", async () => {
    const storage = s3Storage("repair/");
    const content = Buffer.from("the real content");
    const damagedSha = sha256Hex(content);
    await storage.client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: keyOf("repair/", damagedSha), Body: Buffer.from("pre") }),
    );
    expect(await storage.put(content)).toMatchObject({ created: true });
    expect((await readAll(storage.createReadStream(damagedSha))).equals(content)).toBe(true);
  });

  it("a bucket that does not exist fails the upload with S3's error", async () => {
    const storage = s3Storage("media/", "no-such-bucket");
    await expect(storage.put(Buffer.from("x"))).rejects.toMatchObject({ name: "NoSuchBucket" });
  });
});

describe("two machines, one bucket", () => {
  const PREFIX = "shared/";
  let app: TestApp;
  let admin: Awaited<ReturnType<TestApp["userWithSession"]>>;
  let workerDir: string;
  let worker: RunningWorker | undefined;
  const png = () =>
    sharp({ create: { width: 40, height: 30, channels: 3, background: "#c00" } })
      .png()
      .toBuffer();
  let pngBytes: Buffer;
  let mp4Bytes: Buffer;

  beforeAll(async () => {
    app = await createTestApp({ storage: s3Storage(PREFIX) });
    workerDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-other-machine-"));
    admin = await app.userWithSession("admin@example.test", { isAdmin: true });
    await admin.client.projects.create.mutate({ name: "Shared", slug: "shared" });
    await admin.client.models.create.mutate({ projectSlug: "shared", name: "sdxl" });
    pngBytes = await png();
    mp4Bytes = await makeTestMedia({ kind: "mp4", seconds: 1, width: 80, height: 48 });
  });
  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    if (workerDir) fs.rmSync(workerDir, { recursive: true, force: true });
  });

  it("an upload through the REST API lands in the bucket, not in the data directory", async () => {
    const { key } = await admin.client.apiKeys.create.mutate({
      projectSlug: "shared",
      name: "uploader",
      role: "curator",
    });
    const post = (resource: string, form: FormData) =>
      app.rest(`/projects/shared/${resource}`, { method: "POST", body: form, key });
    const prompts = new FormData();
    prompts.set(
      "file",
      new Blob(['{"id":"p1","prompt":"a red cube"}\n{"id":"p2","prompt":"a dog"}']),
      "bench.jsonl",
    );
    expect((await post("prompt-sets/import", prompts)).status).toBe(201);

    const form = new FormData();
    form.set("prompt_set", "bench");
    const manifest = [
      { model: "sdxl", prompt_id: "p1", file: "sdxl/p1.png" },
      { model: "sdxl", prompt_id: "p2", file: "sdxl/p2.mp4" },
    ];
    form.set("manifest", new Blob([manifest.map((m) => JSON.stringify(m)).join("\n")]), "manifest.jsonl");
    form.append("sdxl/p1.png", new Blob([new Uint8Array(pngBytes)]), "p1.png");
    form.append("sdxl/p2.mp4", new Blob([new Uint8Array(mp4Bytes)]), "p2.mp4");
    const res = await post("outputs/import", form);
    expect(res.status).toBe(200);
    expect((await res.json()).totals).toEqual({ rows: 2, imported: 2, duplicate: 0, error: 0 });
    expect(fs.existsSync(path.join(app.dataDir, "media"))).toBe(false);
  });

  it("another machine's storage reads the same bytes by sha256", async () => {
    const other = s3Storage(PREFIX);
    const assets = await app.db.asset.findMany({ orderBy: { kind: "asc" } });
    expect(assets.map((a) => a.kind)).toEqual(["image", "video"]);
    const [image, video] = assets as [(typeof assets)[0], (typeof assets)[0]];
    expect(image.sha256).toBe(sha256Hex(pngBytes));
    expect((await readAll(other.createReadStream(image.sha256))).equals(pngBytes)).toBe(true);
    expect((await readAll(other.createReadStream(video.sha256))).equals(mp4Bytes)).toBe(true);
    // The poster frame made with ffmpeg on the first machine is there too.
    const poster = await readAll(other.createReadStream(video.thumbnailSha256!));
    expect(sha256Hex(poster)).toBe(video.thumbnailSha256);
    expect((await sharp(poster).metadata()).format).toBe("webp");
  });

  it("the media route serves byte ranges from the bucket", async () => {
    const video = await app.db.asset.findFirstOrThrow({ where: { kind: "video" } });
    const token = createMediaToken(
      {
        sha256: video.sha256,
        variant: "original",
        mime: video.mime,
        exp: Math.floor(Date.now() / 1000) + 600,
      },
      app.runtime.secret,
    );
    const res = await serveMedia(
      new Request(`${BASE_URL}/media/${token}`, { headers: { range: "bytes=100-299" } }),
      token,
      { storage: app.runtime.storage, secret: app.runtime.secret },
    );
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 100-299/${mp4Bytes.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(mp4Bytes.subarray(100, 300))).toBe(true);
  });

  it("a worker with its own empty data directory verifies the assets from the bucket", async () => {
    await migrateJobQueue(app.databaseUrl);
    worker = await startWorker({
      databaseUrl: app.databaseUrl,
      dataDir: workerDir,
      concurrency: 1,
      pollIntervalMs: 200,
      log: () => undefined,
      // As `loupe worker` passes LoupeConfig.storage on another machine.
      storage: { kind: "s3", bucket: BUCKET, prefix: PREFIX, region: "us-east-1", endpoint, ...CREDENTIALS },
    });
    const waitForJob = async (
      id: string,
      until: (r: { status: string; lastError: string | null }) => boolean,
    ) => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const run = await app.db.jobRun.findUniqueOrThrow({ where: { id } });
        if (until(run)) return run;
        if (Date.now() > deadline) throw new Error(`job ${id} stuck in ${run.status}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const ok = await admin.client.jobs.verifyMedia.mutate({ projectSlug: "shared" });
    const run = await waitForJob(ok.id, (r) => r.status === "succeeded" || r.lastError !== null);
    expect(run.lastError).toBeNull();
    expect(run.message).toMatch(/2 assets verified/);

    // Remove one object from the bucket: the worker sees it missing (it reads S3, not a local copy).
    const image = await app.db.asset.findFirstOrThrow({ where: { kind: "image" } });
    await opened[0]!.client.send(
      new DeleteObjectCommand({ Bucket: BUCKET, Key: keyOf(PREFIX, image.sha256) }),
    );
    const bad = await admin.client.jobs.verifyMedia.mutate({ projectSlug: "shared" });
    const failed = await waitForJob(bad.id, (r) => r.lastError !== null);
    expect(failed.lastError).toMatch(/1 file\(s\) failed verification: .*missing/);
    expect(fs.readdirSync(workerDir)).toEqual([]);
  });
});
