/**
 * A curation run over objects in a bucket, against a real S3-compatible server (s3rver, started
 * here): every media object under the prefix is an item (in key order, other objects left alone),
 * read through the storage layer's S3 client with the SDK's default credentials; the decisions,
 * the thumbnails and the WebDataset shards come out as for a folder, with s3:// locations. A bucket
 * that cannot be listed is refused before any work, and runs started from the web may read only
 * the buckets LOUPE_CURATION_BUCKETS names.
 */
import fs from "node:fs";
import path from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorker } from "@loupe/worker";
import { createCurationRun, getCurationRun, readStored } from "@loupe/api/curation";
import { asyncBufferOf, decodeDecisions } from "@loupe/curation";
import { testPipeline, writeTestCorpus, type ExpectedDecision } from "@loupe/curation/testing";
import { createS3Client, listS3Objects } from "@loupe/media";
import { createTestApp, type TestApp } from "./support/test-app";
import { startS3Server, S3RVER_CREDENTIALS } from "./support/s3-server";
import { startTestWorker } from "./support/test-worker";

const BUCKET = "corpora";
let s3: Awaited<ReturnType<typeof startS3Server>>;
let endpoint: string;
let app: TestApp;
let worker: RunningWorker;
let projectId: string;
let expected: Record<string, ExpectedDecision>;
const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

beforeAll(async () => {
  s3 = await startS3Server([BUCKET]);
  endpoint = s3.endpoint;
  // The source reads with the SDK's default credential chain, as a deployment would.
  process.env.AWS_ACCESS_KEY_ID = S3RVER_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = S3RVER_CREDENTIALS.secretAccessKey;

  const local = path.join(s3.dir, "upload");
  expected = await writeTestCorpus(local);
  const client = createS3Client({ endpoint, ...S3RVER_CREDENTIALS });
  for (const name of fs.readdirSync(local))
    await client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `photos/${name}`,
        Body: fs.readFileSync(path.join(local, name)),
      }),
    );
  await client.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: "elsewhere/x.png", Body: "not under the prefix" }),
  );
  client.destroy();

  app = await createTestApp();
  projectId = (await app.db.project.create({ data: { name: "Buckets", slug: "buckets" } })).id;
  worker = await startTestWorker(app);
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await app?.close();
  await s3?.close();
  process.env.AWS_ACCESS_KEY_ID = saved.id;
  process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
});

const definition = (prefix = "photos/", bucket = BUCKET) => ({
  ...testPipeline("unused", "bucket photos"),
  source: { kind: "s3", bucket, prefix, endpoint },
  outputs: { webdataset: { samplesPerShard: 100 } },
});

describe("an object-store source", () => {
  it("curates every media object under the prefix, and reads them again for thumbnails and shards", async () => {
    const created = await createCurationRun(app.db, projectId, definition(), { roots: null, buckets: null });
    const t0 = Date.now();
    let run = await getCurationRun(app.db, projectId, created.id);
    while (run.status !== "done") {
      if (run.status === "failed") throw new Error(run.error ?? "failed");
      if (Date.now() - t0 > 60_000) throw new Error(`still ${run.status}`);
      await new Promise((r) => setTimeout(r, 150));
      run = await getCurationRun(app.db, projectId, created.id, { thumbnailUrl: (sha) => sha });
    }
    const read = async (sha256: string) =>
      decodeDecisions(asyncBufferOf(await readStored(app.runtime.storage, sha256)));
    const kept = await read(run.outputs!.kept.sha256);
    const dropped = await read(run.outputs!.dropped.sha256);
    const got = Object.fromEntries(
      [...kept, ...dropped].map((d) => [d.source, { status: d.status, stage: d.firstFailingStage }]),
    );
    // notes.txt is not media, and elsewhere/x.png is not under the prefix.
    expect(got).toEqual(expected);
    expect(kept[0]!.location).toBe(`s3://${BUCKET}/photos/${kept[0]!.source}`);
    // Thumbnails and the WebDataset shard were made from the objects, read again.
    expect(run.summary!.samples.kept.every((s) => s.thumbnailUrl !== null)).toBe(true);
    expect(run.outputs!.webdataset.map((s) => s.rows)).toEqual([kept.length]);
  });

  it("lists a bucket page by page in key order", async () => {
    const client = createS3Client({ endpoint, ...S3RVER_CREDENTIALS });
    const keys: string[] = [];
    for await (const o of listS3Objects(client, BUCKET, "photos/", 4)) keys.push(o.key);
    client.destroy();
    expect(keys).toHaveLength(Object.keys(expected).length + 1); // notes.txt too
    expect(keys).toEqual([...keys].sort());
  });

  it("refuses a bucket that cannot be listed, and from the web any bucket not allowed", async () => {
    await expect(
      createCurationRun(app.db, projectId, definition("photos/", "no-such-bucket"), {
        roots: null,
        buckets: null,
      }),
    ).rejects.toThrow(/^source: s3:\/\/no-such-bucket\/photos\/ cannot be listed: /);
    await expect(
      createCurationRun(app.db, projectId, definition(), { roots: [app.dataDir] }),
    ).rejects.toThrow(
      'source: the bucket "corpora" is not one curation may read (none; set LOUPE_CURATION_BUCKETS)',
    );
    const allowed = await createCurationRun(app.db, projectId, definition(), {
      roots: [app.dataDir],
      buckets: [BUCKET],
    });
    expect(allowed.status).toBe("planning");
    // Through tRPC, as the Curation page starts runs: the instance allows no bucket by default.
    const owner = await app.userWithSession("owner-buckets@example.test", { isAdmin: true });
    await owner.client.projects.create.mutate({ name: "Web buckets", slug: "web-buckets" });
    await expect(
      owner.client.curation.create.mutate({ projectSlug: "web-buckets", definition: definition() }),
    ).rejects.toThrow(
      /the bucket "corpora" is not one curation may read \(none; set LOUPE_CURATION_BUCKETS\)/,
    );
    // With the bucket in LOUPE_CURATION_BUCKETS (the runtime's list), the same request starts a run.
    app.runtime.curationBuckets = [BUCKET];
    try {
      const started = await owner.client.curation.create.mutate({
        projectSlug: "web-buckets",
        definition: definition(),
      });
      expect(started.status).toBe("planning");
    } finally {
      app.runtime.curationBuckets = [];
    }
  });
});
