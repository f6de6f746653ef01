/**
 * Curation runs end to end on a real database and worker: a run started through tRPC decides every
 * item of a corpus exactly once, removes near-duplicates across shards, and stores the kept and
 * dropped sets with their reasons; a shard that dies mid-way is redone whole while finished shards
 * are not redone; pause, resume and cancel move the run's jobs on and off the queue; bad
 * definitions and sources outside the curation roots are refused before any work; only curators
 * and above may curate.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorker } from "@loupe/worker";
import {
  createCurationRun,
  planCurationRun,
  readStored,
  runCurationShard,
  type CurationRunView,
} from "@loupe/api/curation";
import { asyncBufferOf, decodeDecisions, type CurationDecision } from "@loupe/curation";
import {
  openSource,
  readTarMemberBytes,
  type SourceItem,
  type TarMemberLocator,
} from "@loupe/curation/sources";
import { testPipeline, writeTestCorpus, type ExpectedDecision } from "@loupe/curation/testing";
import { handleCurationOutputDownload } from "@loupe/api/rest";
import { serveMedia, type MediaStorage } from "@loupe/media";
import { errorOf } from "./support/trpc-error";
import { createTestApp, type TestApp } from "./support/test-app";
import { startTestWorker } from "./support/test-worker";

let app: TestApp;
let worker: RunningWorker | undefined;
let owner: Awaited<ReturnType<TestApp["userWithSession"]>>;
let projectId: string;
let corpus: string;
let expected: Record<string, ExpectedDecision>;
let firstRunId: string;
const projectSlug = "curation";

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.userWithSession("owner-curation@example.test", { isAdmin: true });
  await owner.client.projects.create.mutate({ name: "Curation", slug: projectSlug });
  projectId = (await app.db.project.findUniqueOrThrow({ where: { slug: projectSlug } })).id;
  corpus = path.join(app.dataDir, "corpora", "photos");
  expected = await writeTestCorpus(corpus);
});
afterAll(async () => {
  await worker?.stop();
  await app?.close();
});

async function startWorkerFor(storage?: MediaStorage) {
  worker = await startTestWorker(app, storage ? { storage } : {});
}

async function stopTestWorker() {
  await worker?.stop();
  worker = undefined;
}

async function waitForRun(runId: string, until: (run: CurationRunView) => boolean) {
  const t0 = Date.now();
  for (;;) {
    const run = await owner.client.curation.get.query({ projectSlug, runId });
    if (until(run)) return run;
    if (run.status === "failed") throw new Error(`the run failed: ${run.error}`);
    if (Date.now() - t0 > 60_000) throw new Error(`run still ${run.status}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function decisionsOf(sha256: string): Promise<CurationDecision[]> {
  return decodeDecisions(asyncBufferOf(await readStored(app.runtime.storage, sha256)));
}

/** Every corpus file appears exactly once across kept and dropped, with the expected stage. */
async function expectOutputsMatchCorpus(run: CurationRunView) {
  const kept = await decisionsOf(run.outputs!.kept.sha256);
  const dropped = await decisionsOf(run.outputs!.dropped.sha256);
  const all = [...kept, ...dropped].map((d) => d.source).sort();
  expect(all).toEqual(Object.keys(expected).sort());
  for (const d of [...kept, ...dropped])
    expect([d.status, d.firstFailingStage], d.source).toEqual([
      expected[d.source]!.status,
      expected[d.source]!.stage,
    ]);
  for (const d of dropped) expect(d.reason, d.source).toBeTruthy();
  expect(dropped.find((d) => d.source === "b-copy-of-a-01.png")!.reason).toBe(
    "near-duplicate of a-01.png (Hamming distance 0)",
  );
  // Kept rows carry what training needs: where the file is and its scores.
  expect(kept[0]!.location).toBe(path.join(corpus, kept[0]!.source));
  expect(kept[0]!.scores["blur.sharpness"]).toBeGreaterThan(100);
  return { kept, dropped };
}

describe("a curation run", () => {
  it("started through tRPC, decides every item once and records the funnel and the kept and dropped sets", async () => {
    const created = await owner.client.curation.create.mutate({
      projectSlug,
      definition: testPipeline(corpus),
    });
    expect(created.status).toBe("planning");
    await startWorkerFor();
    const run = await waitForRun(created.id, (r) => r.status === "done");
    await stopTestWorker();

    expect(run.progress).toMatchObject({ shardsDone: 1, shardsPlanned: 1, itemsDone: 15, itemsTotal: 15 });
    expect(run.summary!.kept).toBe(6);
    expect(run.funnel.map((s) => [s.stage, s.dropped, s.errors, s.remaining])).toEqual([
      ["resolution", 1, 2, 12],
      ["decode", 0, 1, 11],
      ["exposure", 1, 0, 10],
      ["border", 1, 0, 9],
      ["blur", 1, 0, 8],
      ["phash", 0, 0, 8],
      ["dedup", 2, 0, 6],
    ]);
    // Each stage's time per item, from the shards' tallies (the decode dominates the cheap stages).
    const ms = Object.fromEntries(run.funnel.map((s) => [s.stage, s.msPerItem]));
    expect(ms.decode).toBeGreaterThan(0);
    expect(ms.decode).toBeGreaterThan(ms.exposure!);
    expect(ms.dedup).toBeUndefined();
    const { kept, dropped } = await expectOutputsMatchCorpus(run);
    expect([kept.length, dropped.length]).toEqual([run.outputs!.kept.rows, run.outputs!.dropped.rows]);
    expect(run.outputs!.kept.fileName).toBe("kept.parquet");
    const listed = await owner.client.curation.list.query({ projectSlug });
    expect(listed.find((r) => r.id === created.id)).toMatchObject({ status: "done", kept: 6, total: 15 });
    const audit = await app.db.auditLog.findMany({ where: { targetId: created.id } });
    expect(audit.map((a) => a.action)).toEqual(["curation.create"]);
    firstRunId = created.id;
  });

  it("shows histograms, galleries with thumbnails, and duplicate clusters side by side", async () => {
    const run = await owner.client.curation.get.query({ projectSlug, runId: firstRunId });
    const summary = run.summary!;
    const sharpness = summary.histograms.find((h) => h.column === "blur.sharpness")!;
    // Every item that decoded was measured, whichever stage dropped it: 15 − 3 unreadable.
    expect(sharpness.n).toBe(12);
    expect(sharpness.counts.reduce((a, b) => a + b, 0)).toBe(12);
    expect(summary.samples.kept).toHaveLength(6);
    expect(summary.samples.kept.every((s) => s.thumbnailUrl?.startsWith("/media/"))).toBe(true);
    expect(Object.keys(summary.samples.removed).sort()).toEqual([
      "blur",
      "border",
      "decode",
      "dedup",
      "exposure",
      "resolution",
    ]);
    const bomb = summary.samples.removed.resolution!.find((s) => s.source === "d-bomb.png")!;
    expect(bomb).toMatchObject({
      status: "error",
      thumbnailUrl: null,
      reason: expect.stringMatching(/pixels/),
    });
    // A thumbnail URL serves a real WebP.
    const token = summary.samples.kept[0]!.thumbnailUrl!.slice("/media/".length);
    const thumb = await serveMedia(new Request(`http://localhost/media/${token}`), token, app.runtime);
    expect(thumb.status).toBe(200);
    expect(
      Buffer.from(await thumb.arrayBuffer())
        .subarray(8, 12)
        .toString(),
    ).toBe("WEBP");
    expect(
      summary.clusters.map((c) => [
        c.kept.source,
        c.size,
        c.duplicates.map((d) => [d.source, d.distance <= 8]),
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["a-01.png", 2, [["b-copy-of-a-01.png", true]]],
        ["a-02.png", 2, [["b-jpeg-of-a-02.jpg", true]]],
      ]),
    );
    // Thresholds come with the score they bound, for the histograms.
    expect(run.stageSettings.find((s) => s.id === "blur")).toMatchObject({
      config: { minSharpness: 100 },
      thresholds: [{ option: "minSharpness", score: "blur.sharpness", bound: "min" }],
    });
  });

  it("projects the funnel under other thresholds from the recorded scores, without re-running", async () => {
    const project = (changes: Record<string, Record<string, unknown>>) =>
      owner.client.curation.projectFunnel.query({ projectSlug, runId: firstRunId, changes });
    const run = await owner.client.curation.get.query({ projectSlug, runId: firstRunId });
    // Unchanged thresholds give the run's own funnel.
    const untimed = (funnel: typeof run.funnel) => funnel.map(({ msPerItem: _, ...s }) => s);
    expect((await project({})).funnel).toEqual(untimed(run.funnel));
    // Letting blur pass keeps the blurred image; demanding more sharpness than any image has keeps none.
    const lenient = await project({ blur: { minSharpness: 0 } });
    expect(lenient.funnel.find((s) => s.stage === "blur")!.dropped).toBe(0);
    expect(lenient.kept).toBe(7);
    const strict = await project({ blur: { minSharpness: 1e12 } });
    expect(strict.kept).toBe(0);
    expect(strict.funnel.find((s) => s.stage === "dedup")!.dropped).toBe(0);
    // The run itself is unchanged.
    expect((await owner.client.curation.get.query({ projectSlug, runId: firstRunId })).summary!.kept).toBe(6);

    expect(await errorOf(project({ blur: { minSharpness: -1 } }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^blur: minSharpness/),
    });
    expect((await errorOf(project({ ocr: { maxTextArea: 0.1 } }))).message).toMatch(/no stage "ocr"/);
  });

  it("serves the kept, dropped and duplicates files to curators only", async () => {
    const download = (file: string, cookie: string) =>
      handleCurationOutputDownload(
        app.runtime,
        new Request(`http://localhost/api/curation/${projectSlug}/${firstRunId}/${file}`, {
          headers: { cookie },
        }),
        projectSlug,
        firstRunId,
        file,
      );
    const kept = await download("kept", owner.cookie);
    expect(kept.status).toBe(200);
    expect(kept.headers.get("content-disposition")).toBe('attachment; filename="kept.parquet"');
    const rows = await decodeDecisions(asyncBufferOf(Buffer.from(await kept.arrayBuffer())));
    expect(rows).toHaveLength(6);
    expect((await download("duplicates", owner.cookie)).status).toBe(200);
    expect((await download("secrets", owner.cookie)).status).toBe(404);
    const stranger = await app.userWithSession("stranger-download@example.test");
    expect((await download("kept", stranger.cookie)).status).toBe(404);
  });

  it("writes JSON Lines manifests when asked", async () => {
    const created = await owner.client.curation.create.mutate({
      projectSlug,
      definition: { ...testPipeline(corpus), outputs: { manifest: "jsonl" } },
    });
    await startWorkerFor();
    const run = await waitForRun(created.id, (r) => r.status === "done");
    await stopTestWorker();
    expect(run.outputs!.kept.fileName).toBe("kept.jsonl");
    const lines = (await readStored(app.runtime.storage, run.outputs!.kept.sha256))
      .toString()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { source: string; status: string });
    expect(lines.map((l) => l.source).sort()).toEqual(
      Object.keys(expected)
        .filter((f) => expected[f]!.status === "kept")
        .sort(),
    );
  });

  it("writes the kept set as WebDataset shards that read back as the same items and bytes", async () => {
    const created = await owner.client.curation.create.mutate({
      projectSlug,
      definition: { ...testPipeline(corpus, "webdataset"), outputs: { webdataset: { samplesPerShard: 4 } } },
    });
    await startWorkerFor();
    const run = await waitForRun(created.id, (r) => r.status === "done");
    await stopTestWorker();
    expect(run.outputs!.webdataset.map((s) => [s.fileName, s.rows])).toEqual([
      ["kept-00000.tar", 4],
      ["kept-00001.tar", 2],
    ]);
    const dir = path.join(app.dataDir, "downloaded-wds");
    await fs.mkdir(dir, { recursive: true });
    for (const shard of ["kept-00000", "kept-00001"]) {
      const response = await handleCurationOutputDownload(
        app.runtime,
        new Request(`http://localhost/api/curation/${projectSlug}/${created.id}/${shard}`, {
          headers: { cookie: owner.cookie },
        }),
        projectSlug,
        created.id,
        shard,
      );
      expect(response.headers.get("content-type")).toBe("application/x-tar");
      await fs.writeFile(path.join(dir, `${shard}.tar`), Buffer.from(await response.arrayBuffer()));
    }
    // The shards are a source like any other: the kept items, their bytes unchanged.
    const items: SourceItem[] = [];
    for await (const item of await openSource({
      kind: "webdataset",
      shards: ["kept-{00000..00001}.tar"],
      root: dir,
    }))
      items.push(item);
    const kept = await decisionsOf(run.outputs!.kept.sha256);
    expect(items).toHaveLength(kept.length);
    for (const [i, item] of items.entries()) {
      const original = kept[i]!;
      expect(item.metadata).toMatchObject({ item_id: original.itemId, source: original.source });
      expect((item.metadata as { scores: object }).scores).toEqual(original.scores);
      const bytes = await readTarMemberBytes(item.locator as TarMemberLocator, 1 << 24);
      expect(bytes.equals(await fs.readFile(path.join(corpus, original.source)))).toBe(true);
    }
  });

  it("redoes a shard that died mid-way, never a finished one, and finds near-duplicates across shards", async () => {
    // Shards of 4: the copies of a-01 and a-02 land in another shard than their originals.
    const run = await createCurationRun(app.db, projectId, testPipeline(corpus, "sharded"), {
      roots: null,
      shardSize: 4,
    });
    await planCurationRun(app.runtime, run.id);
    const planned = await app.db.curationShard.findMany({
      where: { runId: run.id },
      orderBy: { index: "asc" },
    });
    expect(planned.map((s) => s.itemCount)).toEqual([4, 4, 4, 3]);

    await runCurationShard(app.runtime, { runId: run.id, shard: 0 });
    await runCurationShard(app.runtime, { runId: run.id, shard: 2 });
    // Shard 1 dies after deciding its items, before its decisions are stored: nothing is recorded.
    const dying: MediaStorage = Object.create(app.runtime.storage, {
      put: { value: () => Promise.reject(new Error("killed")) },
    });
    await expect(
      runCurationShard({ db: app.db, storage: dying }, { runId: run.id, shard: 1 }),
    ).rejects.toThrow("killed");
    const before = await app.db.curationShard.findMany({
      where: { runId: run.id },
      orderBy: { index: "asc" },
    });
    expect(before.map((s) => s.status)).toEqual(["done", "pending", "done", "pending"]);
    // Half-way, progress and the funnel so far come from the two decided shards alone.
    const halfway = await owner.client.curation.get.query({ projectSlug, runId: run.id });
    expect(halfway.progress).toMatchObject({ shardsDone: 2, shardsPlanned: 4, itemsDone: 8, itemsTotal: 15 });
    const decided = halfway.funnel.reduce((n, step) => n + step.dropped + step.errors, 0);
    expect(decided + halfway.funnel.at(-1)!.remaining).toBe(8);
    expect(halfway.summary).toBeNull();

    // A worker takes the queued jobs: shards 0 and 2 are skipped, 1 and 3 decided, then the finish.
    await startWorkerFor();
    const done = await waitForRun(run.id, (r) => r.status === "done");
    await stopTestWorker();
    const after = await app.db.curationShard.findMany({
      where: { runId: run.id },
      orderBy: { index: "asc" },
    });
    for (const i of [0, 2]) {
      expect(after[i]!.finishedAt).toEqual(before[i]!.finishedAt);
      expect(after[i]!.decisionsSha256).toBe(before[i]!.decisionsSha256);
    }
    expect(done.progress).toMatchObject({ shardsDone: 4, itemsDone: 15 });
    const shardDecisions = (await Promise.all(after.map((s) => decisionsOf(s.decisionsSha256!)))).flat();
    expect(shardDecisions.map((d) => d.source).sort()).toEqual(Object.keys(expected).sort());
    await expectOutputsMatchCorpus(done);
    expect(done.summary!.dedup).toEqual({ hash: "phash", maxDistance: 8, removed: 2 });
  });

  it("pauses, resumes and cancels: queued jobs leave and return, a cancelled run stays cancelled", async () => {
    const run = await createCurationRun(app.db, projectId, testPipeline(corpus, "paused"), {
      roots: null,
      shardSize: 4,
    });
    await planCurationRun(app.runtime, run.id);
    const queued = async () =>
      (
        await app.db.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM graphile_worker.jobs WHERE key LIKE ${`curation:${run.id}:%`}`
      )[0]!.n;
    expect(await queued()).toBe(4n);

    await owner.client.curation.pause.mutate({ projectSlug, runId: run.id });
    expect(await queued()).toBe(0n);
    expect((await owner.client.curation.get.query({ projectSlug, runId: run.id })).status).toBe("paused");
    // A shard job that was already taken does nothing while the run is paused.
    await runCurationShard(app.runtime, { runId: run.id, shard: 0 });
    expect(await app.db.curationShard.count({ where: { runId: run.id, status: "done" } })).toBe(0);

    expect(await owner.client.curation.resume.mutate({ projectSlug, runId: run.id })).toEqual({
      pendingShards: 4,
      replanning: false,
    });
    expect(await queued()).toBe(4n);
    await owner.client.curation.cancel.mutate({ projectSlug, runId: run.id });
    expect(await queued()).toBe(0n);
    expect(await errorOf(owner.client.curation.resume.mutate({ projectSlug, runId: run.id }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/cancelled run cannot be resumed/),
    });
    const actions = await app.db.auditLog.findMany({
      where: { targetId: run.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "curation.create",
      "curation.pause",
      "curation.resume",
      "curation.cancel",
    ]);
  });

  it("a run paused before its plan finished plans again on resume and finishes", async () => {
    const run = await createCurationRun(app.db, projectId, testPipeline(corpus, "replanned"), {
      roots: null,
      shardSize: 4,
    });
    await owner.client.curation.pause.mutate({ projectSlug, runId: run.id });
    await planCurationRun(app.runtime, run.id); // the plan job, had it been running: it stops
    expect(await app.db.curationShard.count({ where: { runId: run.id } })).toBe(0);
    expect(await owner.client.curation.resume.mutate({ projectSlug, runId: run.id })).toEqual({
      pendingShards: 0,
      replanning: true,
    });
    await startWorkerFor();
    const done = await waitForRun(run.id, (r) => r.status === "done");
    await stopTestWorker();
    await expectOutputsMatchCorpus(done);
  });
});

describe("refusals before any work", () => {
  const create = (definition: unknown) => owner.client.curation.create.mutate({ projectSlug, definition });

  it("refuses bad definitions with every problem named, and writes no run", async () => {
    const runs = await app.db.curationRun.count();
    const bad = await errorOf(
      create({
        ...testPipeline(corpus),
        stages: [{ stage: "sharpen" }, { stage: "blur", minSharpness: "high" }],
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain('"sharpen" is not an image stage');
    expect(bad.message).toContain("stages.1 (blur).minSharpness");
    expect(await app.db.curationRun.count()).toBe(runs);
  });

  it("refuses sources outside the curation roots, relative paths, and missing folders or columns", async () => {
    const outside = await errorOf(create({ ...testPipeline("/etc"), name: "outside" }));
    expect(outside).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/LOUPE_CURATION_ROOTS/),
    });
    // A symlink inside the roots that points outside them is outside.
    const link = path.join(app.dataDir, "corpora", "sneaky");
    await fs.symlink("/etc", link);
    expect((await errorOf(create(testPipeline(link)))).message).toMatch(
      /outside the folders curation may read/,
    );
    expect((await errorOf(create(testPipeline("corpora/photos")))).message).toMatch(/not an absolute path/);
    const missing = await errorOf(create(testPipeline(path.join(app.dataDir, "corpora", "nope"))));
    expect(missing.message).toMatch(/^source: /);

    const manifest = path.join(app.dataDir, "corpora", "manifest.jsonl");
    await fs.writeFile(manifest, JSON.stringify({ file: "photos/a-00.png" }) + "\n");
    const column = await errorOf(
      create({ ...testPipeline(corpus), source: { kind: "manifest", path: manifest, pathColumn: "image" } }),
    );
    expect(column.message).toMatch(/image/);
  });

  it("lets curators and above curate, and no one else", async () => {
    const add = async (email: string, role: "rater" | "reviewer" | "curator") => {
      const user = await app.userWithSession(email);
      await owner.client.members.add.mutate({ projectSlug, email, role });
      return user.client;
    };
    const curator = await add("curator@example.test", "curator");
    expect((await curator.curation.list.query({ projectSlug })).length).toBeGreaterThan(0);
    for (const role of ["rater", "reviewer"] as const) {
      const client = await add(`${role}-curation@example.test`, role);
      expect((await errorOf(client.curation.list.query({ projectSlug }))).code).toBe("FORBIDDEN");
      expect(
        (await errorOf(client.curation.create.mutate({ projectSlug, definition: testPipeline(corpus) })))
          .code,
      ).toBe("FORBIDDEN");
    }
    const stranger = await app.userWithSession("stranger-curation@example.test");
    // A non-member is not told the project exists.
    expect((await errorOf(stranger.client.curation.list.query({ projectSlug }))).code).toBe("NOT_FOUND");
  });
});
