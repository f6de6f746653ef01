import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestImage } from "@loupe/media";
import { migrateJobQueue, QUEUE_APPLICATION_NAME, type RunningWorker } from "@loupe/worker";
import { createTestApp, type TestApp } from "./support/test-app";
import { startTestWorker } from "./support/test-worker";

let app: TestApp;
let worker: RunningWorker;
let owner: Awaited<ReturnType<TestApp["userWithSession"]>>;

type Run = Awaited<ReturnType<TestApp["db"]["jobRun"]["findUniqueOrThrow"]>>;

async function waitForJob(id: string, until: (run: Run) => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await app.db.jobRun.findUniqueOrThrow({ where: { id } });
    if (until(run)) return run;
    if (Date.now() > deadline) throw new Error(`job ${id} stuck in ${run.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  app = await createTestApp();
  await migrateJobQueue(app.databaseUrl);
  owner = await app.userWithSession("owner@example.test", { isAdmin: true });
  await owner.client.projects.create.mutate({ name: "Jobs", slug: "jobs" });
  const project = await app.db.project.findUniqueOrThrow({ where: { slug: "jobs" } });
  const model = await app.db.genModel.create({ data: { projectId: project.id, name: "m" } });
  const set = await app.db.promptSet.create({ data: { projectId: project.id, name: "s" } });
  for (let i = 0; i < 3; i++) {
    const prompt = await app.db.prompt.create({
      data: { promptSetId: set.id, externalId: `${i}`, position: i, text: `p${i}` },
    });
    const bytes = await sharp({
      create: { width: 32, height: 32, channels: 3, background: { r: i * 80, g: 0, b: 0 } },
    })
      .png()
      .toBuffer();
    const a = await ingestImage(app.runtime.storage, bytes);
    const asset = await app.db.asset.create({ data: { ...a, bytes: BigInt(a.bytes) } });
    await app.db.output.create({
      data: { projectId: project.id, modelId: model.id, promptId: prompt.id, assetId: asset.id },
    });
  }
  worker = await startTestWorker(app, { concurrency: 1 });
});
afterAll(async () => {
  await worker?.stop();
  await app?.close();
});

describe("jobs", () => {
  it("a queued job runs on the worker, reports progress and succeeds", async () => {
    const { id } = await owner.client.jobs.verifyMedia.mutate({ projectSlug: "jobs" });
    const run = await waitForJob(id, (r) => r.status === "succeeded");
    expect(run).toMatchObject({ progressDone: 3, progressTotal: 3, attempts: 1, lastError: null });
    expect(run.message).toMatch(/3 assets verified/);
    const listed = await owner.client.jobs.list.query({ projectSlug: "jobs" });
    expect(listed[0]).toMatchObject({ id, task: "media.verify", status: "succeeded" });
  });

  it("a failing job records its error and is retried", async () => {
    const asset = await app.db.asset.findFirstOrThrow();
    const file = path.join(
      app.dataDir,
      "media",
      asset.sha256.slice(0, 2),
      asset.sha256.slice(2, 4),
      asset.sha256,
    );
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, "corrupted");
    const { id } = await owner.client.jobs.verifyMedia.mutate({ projectSlug: "jobs" });
    const run = await waitForJob(id, (r) => r.lastError !== null);
    expect(run.lastError).toMatch(/1 file\(s\) failed verification: .*corrupt/);
    // Not the last attempt yet: back in the queue for graphile-worker's retry with backoff.
    expect(run.status).toBe("queued");
    expect(run.attempts).toBe(1);
  });
});

describe("the queue's connections", () => {
  it("are named, and a worker whose connections are cut logs it and goes on taking jobs", async () => {
    const lines: string[] = [];
    const second = await startTestWorker(app, { concurrency: 1, log: (line) => lines.push(line) });
    try {
      const [named] = await app.db.$queryRaw<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and application_name = ${QUEUE_APPLICATION_NAME}`;
      expect(named!.n).toBeGreaterThan(0);
      // What a database restart does to them: before, a connection failing while graphile-worker
      // ended its pool (on stop) found no error handler and crashed the process.
      await app.db.$queryRaw`
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and application_name = ${QUEUE_APPLICATION_NAME}`;
      await expect
        .poll(() => lines.some((l) => /queue connection failed/.test(l)), { timeout: 10_000 })
        .toBe(true);
      const { id } = await owner.client.jobs.verifyMedia.mutate({ projectSlug: "jobs" });
      await waitForJob(id, (r) => r.attempts >= 1);
    } finally {
      await second.stop();
    }
  });
});
