/**
 * A worker killed in the middle of a generation job: another worker finishes the job with every
 * output there exactly once. The killed worker is the real `loupe worker` command (SIGKILL, no
 * chance to clean up); the survivor notices the dead worker's silent heartbeat, releases its
 * chunk and reruns it, skipping the items already stored.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startWorker, type RunningWorker } from "@loupe/worker";
import { startGeneratorServer, type GeneratorServer } from "./support/generator-server";
import { killAllLoupes, runLoupe } from "./support/loupe-process";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let server: GeneratorServer;
let survivor: RunningWorker | undefined;

beforeAll(async () => {
  app = await createTestApp();
  server = await startGeneratorServer();
});
afterAll(async () => {
  killAllLoupes();
  await survivor?.stop();
  await server?.close();
  await app?.close();
});

it("a killed worker's chunk is finished by another worker, with no output missing or doubled", async () => {
  const owner = await app.userWithSession("owner-crash@example.test", { isAdmin: true });
  const projectSlug = "crash";
  await owner.client.projects.create.mutate({ name: "Crash", slug: projectSlug });
  await owner.client.promptSets.create.mutate({
    projectSlug,
    name: "slow",
    prompts: Array.from({ length: 8 }, (_, i) => ({
      externalId: String(i + 1),
      text: `slow scene ${i + 1}`,
    })),
  });
  const { id: modelId } = await owner.client.models.create.mutate({ projectSlug, name: "remote" });
  await owner.client.models.setAdapter.mutate({
    projectSlug,
    modelId,
    adapter: { kind: "http", url: `${server.url}/generate`, concurrency: 1 },
  });
  // 8 prompts × 2 seeds in chunks of 8: one worker holds a whole chunk for ~2.4 s.
  const { id: jobId } = await owner.client.generation.create.mutate({
    projectSlug,
    model: "remote",
    promptSet: "slow",
    seeds: 2,
    chunkSize: 8,
  });

  const doomed = runLoupe(["worker"], {
    DATABASE_URL: app.databaseUrl,
    LOUPE_DATA_DIR: app.dataDir,
    LOUPE_AUTH_SECRET: app.runtime.secret,
    LOUPE_WORKER_CONCURRENCY: "1",
  });
  await doomed.waitFor(/worker running/);
  for (let t0 = Date.now(); (await app.db.output.count({ where: { modelId } })) < 3;) {
    if (Date.now() - t0 > 30_000) throw new Error(`no outputs from the first worker:\n${doomed.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const held = await app.db.generationChunk.findFirstOrThrow({ where: { jobId, status: "running" } });
  doomed.child.kill("SIGKILL");
  await doomed.exited;
  const before = await app.db.output.count({ where: { modelId } });
  expect(before).toBeLessThan(16);

  survivor = await startWorker({
    databaseUrl: app.databaseUrl,
    dataDir: app.dataDir,
    concurrency: 2,
    pollIntervalMs: 200,
    secret: app.runtime.secret,
    heartbeatMs: 300,
    deadAfterMs: 2000,
    log: () => undefined,
  });
  const t0 = Date.now();
  for (;;) {
    const job = await owner.client.generation.get.query({ projectSlug, jobId });
    if (job.status === "done") {
      expect(job.progress).toMatchObject({ done: 16, failed: 0, total: 16 });
      break;
    }
    if (Date.now() - t0 > 45_000) throw new Error(`job still ${job.status}: ${JSON.stringify(job.progress)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const outputs = await app.db.output.findMany({
    where: { modelId },
    select: { promptId: true, seed: true },
  });
  expect(outputs).toHaveLength(16);
  expect(new Set(outputs.map((o) => `${o.promptId}|${o.seed}`)).size).toBe(16);
  // The chunk the dead worker held was taken over by the survivor.
  const after = await app.db.generationChunk.findUniqueOrThrow({
    where: { jobId_index: { jobId, index: held.index } },
  });
  expect(after.status).toBe("done");
  expect(after.workerId).not.toBe(held.workerId);
});
