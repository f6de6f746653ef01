/**
 * A worker killed in the middle of an evaluation chunk: another worker finishes the run, every
 * output with exactly one value. The killed worker is the real `loupe worker` command (SIGKILL, no
 * chance to clean up). graphile-worker alone would keep its job locked for hours; the survivor
 * sees the dead worker's heartbeat stop, unlocks the job and reruns the chunk.
 */
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startWorker, type RunningWorker } from "@loupe/worker";
import { addImageOutput } from "./support/image-outputs";
import { killAllLoupes, runLoupe } from "./support/loupe-process";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let survivor: RunningWorker | undefined;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  killAllLoupes();
  await survivor?.stop();
  await app?.close();
});

/** The lock graphile-worker holds on the run's chunk job, if any. */
async function chunkLock() {
  const rows = await app.db.$queryRaw<{ locked_by: string | null }[]>`
    SELECT locked_by FROM graphile_worker.jobs WHERE task_identifier = 'evaluation.chunk'`;
  return rows[0]?.locked_by ?? null;
}

it("a killed worker's evaluation chunk is finished by another worker, each output scored once", async () => {
  const owner = await app.userWithSession("owner-eval-crash@example.test", { isAdmin: true });
  const projectSlug = "eval-crash";
  await owner.client.projects.create.mutate({ name: "Eval crash", slug: projectSlug });
  const project = await app.db.project.findUniqueOrThrow({ where: { slug: projectSlug } });
  const set = await app.db.promptSet.create({ data: { projectId: project.id, name: "shades" } });
  const model = await app.db.genModel.create({ data: { projectId: project.id, name: "painter" } });
  // 24 distinct 640×480 images: the OCR detector takes a few seconds over the one chunk.
  for (let i = 0; i < 24; i++) {
    const bytes = await sharp({
      create: { width: 640, height: 480, channels: 3, background: { r: i * 10, g: 80, b: 200 - i * 5 } },
    })
      .png()
      .toBuffer();
    const prompt = await app.db.prompt.create({
      data: { promptSetId: set.id, externalId: String(i), position: i, text: `shade ${i}` },
    });
    await addImageOutput(app, { projectId: project.id, modelId: model.id, promptId: prompt.id }, bytes);
  }
  const { id: runId } = await owner.client.evaluations.create.mutate({
    projectSlug,
    scope: "prompt-set",
    scopeId: set.id,
    chunkSize: 24,
    config: { metrics: [{ metric: "text-area" }] },
  });

  const doomed = runLoupe(["worker"], {
    DATABASE_URL: app.databaseUrl,
    LOUPE_DATA_DIR: app.dataDir,
    LOUPE_AUTH_SECRET: app.runtime.secret,
    LOUPE_WORKER_CONCURRENCY: "1",
  });
  await doomed.waitFor(/worker running/);
  let lockedBy: string | null = null;
  for (let t0 = Date.now(); !(lockedBy = await chunkLock());) {
    if (Date.now() - t0 > 30_000) throw new Error(`the first worker took no chunk:\n${doomed.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // It beat its heartbeat under graphile-worker's id for it when it took the job.
  for (let t0 = Date.now(); !(await app.db.workerHeartbeat.findUnique({ where: { workerId: lockedBy } }));) {
    if (Date.now() - t0 > 10_000) throw new Error("the first worker never beat its heartbeat");
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 300));
  doomed.child.kill("SIGKILL");
  await doomed.exited;
  // The dead worker's lock outlives it.
  expect(await chunkLock()).toBe(lockedBy);
  expect(await app.db.metricValue.count({ where: { runId } })).toBeLessThan(24);

  survivor = await startWorker({
    databaseUrl: app.databaseUrl,
    dataDir: app.dataDir,
    concurrency: 1,
    pollIntervalMs: 200,
    secret: app.runtime.secret,
    heartbeatMs: 300,
    deadAfterMs: 2000,
    log: () => undefined,
  });
  const t0 = Date.now();
  for (;;) {
    const run = await owner.client.evaluations.get.query({ projectSlug, runId });
    if (run.status === "done") {
      expect(run.failureCount).toBe(0);
      expect(run.summary!.metrics[0]!.perModel[0]).toMatchObject({ modelName: "painter", n: 24, failed: 0 });
      break;
    }
    if (run.status === "failed") throw new Error(`the run failed: ${run.error}`);
    if (Date.now() - t0 > 60_000) throw new Error(`run still ${run.status} (${run.chunksDone} chunks done)`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const values = await app.db.metricValue.findMany({
    where: { runId },
    select: { outputId: true, value: true },
  });
  expect(values).toHaveLength(24);
  expect(values.every((v) => v.value === 0)).toBe(true);
});
