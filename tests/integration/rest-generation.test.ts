/** Running models through /api/v1 with API keys: adapter, secret, generation job, progress. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startWorker, type RunningWorker } from "@loupe/worker";
import { startGeneratorServer, type GeneratorServer } from "./support/generator-server";
import { createStudyFixture } from "./support/study-fixture";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let server: GeneratorServer;
let worker: RunningWorker;
let researcher: string;
let owner: string;

beforeAll(async () => {
  app = await createTestApp();
  server = await startGeneratorServer();
  const fx = await createStudyFixture(app, { slug: "api-gen", models: ["existing"], prompts: 3 });
  const keys = fx.owner.client.apiKeys;
  researcher = (await keys.create.mutate({ projectSlug: "api-gen", name: "r", role: "researcher" })).key;
  owner = (await keys.create.mutate({ projectSlug: "api-gen", name: "o", role: "owner" })).key;
  await fx.owner.client.models.create.mutate({ projectSlug: "api-gen", name: "remote" });
  worker = await startWorker({
    databaseUrl: app.databaseUrl,
    dataDir: app.dataDir,
    concurrency: 1,
    pollIntervalMs: 200,
    secret: app.runtime.secret,
    log: () => undefined,
  });
});
afterAll(async () => {
  await worker?.stop();
  await server?.close();
  await app?.close();
});

const call = (method: string, path: string, body?: unknown, key = researcher) =>
  app.rest(`/projects/api-gen${path}`, {
    method,
    key,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

it("sets an adapter and a secret, runs a job and reads its progress", async () => {
  const refused = await call("POST", "/secrets", { name: "token", value: "t0ken" });
  expect(refused.status).toBe(403);
  expect((await call("POST", "/secrets", { name: "token", value: "t0ken" }, owner)).status).toBe(201);
  const secrets = await call("GET", "/secrets");
  expect(await secrets.text()).not.toContain("t0ken");

  const bad = await call("PUT", "/models/remote/adapter", { adapter: { kind: "http" } });
  expect(bad.status).toBe(400);
  expect((await bad.json()).error).toMatch(/adapter\.url/);
  // Sending a stored secret somewhere is an owner's decision, not a researcher's.
  const adapter = { kind: "http", url: `${server.url}/generate`, authSecret: "token" };
  const forbidden = await call("PUT", "/models/remote/adapter", { adapter });
  expect(forbidden.status).toBe(403);
  expect((await forbidden.json()).error).toMatch(/Only a project owner/);
  expect(
    (await call("PUT", "/models/remote/adapter", { adapter: { kind: "command", command: ["sh"] } })).status,
  ).toBe(403);
  const set = await call("PUT", "/models/remote/adapter", { adapter }, owner);
  expect(set.status).toBe(200);

  const created = await call("POST", "/generation-jobs", {
    model: "remote",
    promptSet: "prompts",
    seeds: [5, 6],
  });
  expect(created.status).toBe(201);
  const { id, total } = (await created.json()) as { id: string; total: number };
  expect(total).toBe(6);
  let job: { status: string; progress: { done: number; failed: number } };
  const t0 = Date.now();
  do {
    await new Promise((r) => setTimeout(r, 200));
    job = (await (await call("GET", `/generation-jobs/${id}`)).json()) as typeof job;
    if (Date.now() - t0 > 30_000) throw new Error(JSON.stringify(job));
  } while (job.status !== "done");
  expect(job.progress).toMatchObject({ done: 6, failed: 0 });
  expect([...server.authorizations]).toEqual(["Bearer t0ken"]);
  const listed = (await (await call("GET", "/generation-jobs")).json()) as { jobs: { id: string }[] };
  expect(listed.jobs.map((j) => j.id)).toContain(id);
  expect((await call("POST", `/generation-jobs/${id}/resume`)).status).toBe(200);
  expect((await call("GET", "/generation-jobs/nope")).status).toBe(404);
});

it("shows each model's median latency beside its rating: speed is data", async () => {
  const models = (await (await call("GET", "/models")).json()) as { models: { id: string; name: string }[] };
  const promptSets = await app.db.promptSet.findMany({ where: { project: { slug: "api-gen" } } });
  const created = await call("POST", "/studies", {
    name: "speed",
    config: {
      kind: "pairwise",
      axes: [{ id: "overall", question: "Which is better?" }],
      modelIds: models.models.map((m) => m.id),
      promptSetIds: promptSets.map((s) => s.id),
      overlap: 1,
    },
  });
  const { id } = (await created.json()) as { id: string };
  // Seed 0 was not generated: the study compares seed-0 outputs, so generate them first.
  const job = (await (
    await call("POST", "/generation-jobs", { model: "remote", promptSet: "prompts" })
  ).json()) as {
    id: string;
  };
  for (let t0 = Date.now(); ;) {
    const j = (await (await call("GET", `/generation-jobs/${job.id}`)).json()) as { status: string };
    if (j.status === "done") break;
    if (Date.now() - t0 > 30_000) throw new Error("generation did not finish");
    await new Promise((r) => setTimeout(r, 200));
  }
  expect((await call("POST", `/studies/${id}/launch`)).status).toBe(200);
  const read = (await (await call("GET", `/studies/${id}/results`)).json()) as {
    speed: { model: string; medianLatencySeconds: number | null; timed: number; outputs: number }[];
  };
  const remote = read.speed.find((s) => s.model === "remote")!;
  const existing = read.speed.find((s) => s.model === "existing")!;
  expect(remote).toMatchObject({ timed: 3, outputs: 3 });
  expect(remote.medianLatencySeconds).toBeGreaterThan(0);
  expect(existing).toMatchObject({ timed: 0, outputs: 3, medianLatencySeconds: null });
});
