/**
 * Generation jobs end to end on the real database and a real worker: a model's adapter (http
 * against a local inference server, command running a Node script, onnx running a model the test
 * builds), chunked jobs, per-item failures with the adapter's error, speed data, idempotent
 * reruns, cancel and resume, and encrypted secrets.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, type RunningWorker } from "@loupe/worker";
import { startGeneratorServer, renderImage, type GeneratorServer } from "./support/generator-server";
import { createTestApp, type TestApp } from "./support/test-app";
import { tanhModel } from "./support/tiny-onnx";

let app: TestApp;
let server: GeneratorServer;
let worker: RunningWorker;
let owner: Awaited<ReturnType<TestApp["userWithSession"]>>;
let projectId: string;
const projectSlug = "gen";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-gen-test-"));

beforeAll(async () => {
  app = await createTestApp();
  server = await startGeneratorServer();
  owner = await app.userWithSession("owner-gen@example.test", { isAdmin: true });
  await owner.client.projects.create.mutate({ name: "Generation", slug: projectSlug });
  projectId = (await app.db.project.findUniqueOrThrow({ where: { slug: projectSlug } })).id;
  worker = await startWorker({
    databaseUrl: app.databaseUrl,
    dataDir: app.dataDir,
    concurrency: 2,
    pollIntervalMs: 200,
    secret: app.runtime.secret,
    gpuSlots: "3",
    heartbeatMs: 300,
    deadAfterMs: 5000,
    host: "gpu-box-1",
    log: () => undefined,
  });
});
afterAll(async () => {
  await worker?.stop();
  await server?.close();
  await app?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function promptSet(name: string, texts: string[]) {
  await owner.client.promptSets.create.mutate({
    projectSlug,
    name,
    prompts: texts.map((text, i) => ({ externalId: `p${i + 1}`, text })),
  });
}

async function model(
  name: string,
  adapter: Parameters<typeof owner.client.models.setAdapter.mutate>[0]["adapter"],
) {
  const { id } = await owner.client.models.create.mutate({ projectSlug, name });
  await owner.client.models.setAdapter.mutate({ projectSlug, modelId: id, adapter });
  return id;
}

async function waitForJob(
  jobId: string,
  until: (s: string) => boolean = (s) => s === "done",
  timeoutMs = 45_000,
) {
  const t0 = Date.now();
  for (;;) {
    const job = await owner.client.generation.get.query({ projectSlug, jobId });
    if (until(job.status)) return job;
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`job still ${job.status}: ${JSON.stringify(job.progress)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe("http adapter", () => {
  it("generates every item, records speed and machine, and fails only the bad items with the reason", async () => {
    await owner.client.secrets.set.mutate({ projectSlug, name: "inference-key", value: "sk-test-4242" });
    const listed = await owner.client.secrets.list.query({ projectSlug });
    expect(listed).toEqual([expect.objectContaining({ name: "inference-key" })]);
    expect(JSON.stringify(listed)).not.toContain("sk-test-4242");
    const stored = await app.db.secret.findFirstOrThrow({ where: { projectId } });
    expect(stored.ciphertext).not.toContain("sk-test");

    await promptSet("mixed", [
      "a red cube",
      "a blue sphere",
      "flaky cat",
      "fail dog",
      "html bird",
      "text fish",
      "json-error frog",
      "huge tree",
      "hang moon",
    ]);
    const modelId = await model("http-model", {
      kind: "http",
      url: `${server.url}/generate`,
      authSecret: "inference-key",
      timeoutSeconds: 1,
      attempts: 2,
      concurrency: 4,
    });
    const {
      id: jobId,
      total,
      chunkCount,
    } = await owner.client.generation.create.mutate({
      projectSlug,
      model: "http-model",
      promptSet: "mixed",
      seeds: 2,
      chunkSize: 4,
    });
    expect({ total, chunkCount }).toEqual({ total: 18, chunkCount: 5 });

    const job = await waitForJob(jobId);
    expect(job.progress).toMatchObject({ done: 6, failed: 12, total: 18 });
    expect(job.chunks).toEqual({ done: 5 });
    const reasons = Object.fromEntries(job.failures.map((f) => [f.prompt, f.error]));
    expect(reasons["fail dog"]).toMatch(/answered 500 .*CUDA out of memory/);
    expect(reasons["html bird"]).toMatch(/not media: an HTML page "502 Bad Gateway"/);
    expect(reasons["text fish"]).toMatch(/text\/plain, not media/);
    expect(reasons["json-error frog"]).toMatch(/answered JSON .*NSFW filter.*set mediaPath/);
    expect(reasons["huge tree"]).toMatch(/over the 100 MP limit/);
    expect(reasons["hang moon"]).toMatch(/timed out after 1 s/);
    expect(job.failures.find((f) => f.prompt === "fail dog")).toMatchObject({
      attempts: 2,
      workerHost: "gpu-box-1",
    });
    // A transient 503 was retried and then succeeded; a permanent HTML answer was not retried.
    expect(server.calls.get("flaky cat|0")).toBe(2);
    expect(server.calls.get("html bird|0")).toBe(1);
    expect([...server.authorizations]).toEqual(["Bearer sk-test-4242"]);

    const outputs = await app.db.output.findMany({
      where: { modelId },
      include: { prompt: true, asset: true },
    });
    expect(outputs).toHaveLength(6);
    for (const o of outputs) {
      expect(o).toMatchObject({ adapter: "http", workerHost: "gpu-box-1", generationJobId: jobId });
      expect(o.latencyMs).toBeGreaterThanOrEqual(0);
      expect(o.asset).toMatchObject({ kind: "image", width: 24, height: 16 });
    }
    const cube = outputs.find((o) => o.prompt.text === "a red cube" && o.seed === 1n)!;
    const expected = await renderImage("a red cube", 1);
    const file = await app.runtime.storage.stat(cube.asset.sha256);
    expect(file?.bytes).toBe(expected.length);

    // The same model, prompts, seeds and parameters again: nothing new is generated.
    const callsBefore = server.calls.get("a red cube|0");
    const again = await owner.client.generation.create.mutate({
      projectSlug,
      model: "http-model",
      promptSet: "mixed",
      seeds: 2,
    });
    const rerun = await waitForJob(again.id);
    expect(rerun.progress.done).toBe(6);
    expect(await app.db.output.count({ where: { modelId } })).toBe(6);
    expect(server.calls.get("a red cube|0")).toBe(callsBefore);
  });

  it("reads OpenAI-style JSON (base64 at a path) and the steps the server reports", async () => {
    await promptSet("openai", ["a teapot", "a lighthouse"]);
    const modelId = await model("openai-style", {
      kind: "http",
      url: `${server.url}/v1/images/generations`,
      body: {
        prompt: "{{prompt}}",
        seed: "{{seed}}",
        params: "{{params}}",
        n: 1,
        response_format: "b64_json",
      },
      mediaPath: "data.0.b64_json",
      stepsPath: "meta.steps",
      params: { steps: 4 },
    });
    const { id } = await owner.client.generation.create.mutate({
      projectSlug,
      model: "openai-style",
      promptSet: "openai",
      params: { guidance: 3 },
    });
    const job = await waitForJob(id);
    expect(job.progress).toMatchObject({ done: 2, failed: 0 });
    const outputs = await app.db.output.findMany({ where: { modelId } });
    expect(outputs.map((o) => o.steps)).toEqual([4, 4]);
    expect(outputs[0]!.params).toEqual({ steps: 4, guidance: 3 });
  });

  it("cancels a running job, keeps what it made, and a resume fills exactly what is missing", async () => {
    await promptSet(
      "slow",
      Array.from({ length: 12 }, (_, i) => `slow scene ${i + 1}`),
    );
    const modelId = await model("slow-model", {
      kind: "http",
      url: `${server.url}/generate`,
      concurrency: 1,
    });
    const { id } = await owner.client.generation.create.mutate({
      projectSlug,
      model: "slow-model",
      promptSet: "slow",
      chunkSize: 3,
    });
    await waitForJob(id, () => true);
    for (let t0 = Date.now(); (await app.db.output.count({ where: { modelId } })) < 2;) {
      if (Date.now() - t0 > 20_000) throw new Error("no output appeared");
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await owner.client.generation.cancel.mutate({ projectSlug, jobId: id })).toEqual({
      status: "cancelled",
    });
    await new Promise((r) => setTimeout(r, 1200)); // running chunks notice at their next heartbeat
    const cancelled = await owner.client.generation.get.query({ projectSlug, jobId: id });
    expect(cancelled.status).toBe("cancelled");
    const made = await app.db.output.count({ where: { modelId } });
    expect(made).toBeGreaterThanOrEqual(2);
    expect(made).toBeLessThan(12);
    await new Promise((r) => setTimeout(r, 800));
    expect(await app.db.output.count({ where: { modelId } })).toBe(made); // nothing more after the stop

    await owner.client.generation.resume.mutate({ projectSlug, jobId: id });
    const done = await waitForJob(id);
    expect(done.progress).toMatchObject({ done: 12, failed: 0 });
    const outputs = await app.db.output.findMany({
      where: { modelId },
      select: { promptId: true, seed: true },
    });
    expect(outputs).toHaveLength(12);
    expect(new Set(outputs.map((o) => o.promptId)).size).toBe(12);
  });

  it("says what is wrong with a bad adapter setting or a model without one", async () => {
    const { id } = await owner.client.models.create.mutate({ projectSlug, name: "bare" });
    await expect(
      owner.client.models.setAdapter.mutate({
        projectSlug,
        modelId: id,
        adapter: { kind: "http", url: "ftp://example.test/x" } as never,
      }),
    ).rejects.toThrow(/http:\/\/ or https:\/\//);
    await expect(
      owner.client.generation.create.mutate({ projectSlug, model: "bare", promptSet: "mixed" }),
    ).rejects.toThrow(/has no adapter/);
  });
});

describe("command adapter", () => {
  it("runs the user's script with the job on stdin and its GPU slot, and reports a failing, silent or hanging script", async () => {
    process.env.LOUPE_AUTH_SECRET_FOR_TEST = "never-seen-by-scripts";
    const png = (await renderImage("command", 0)).toString("base64");
    const log = path.join(tmp, "calls.jsonl");
    const script = path.join(tmp, "sample.mjs");
    fs.writeFileSync(
      script,
      `import fs from "node:fs";
import path from "node:path";
const job = JSON.parse(fs.readFileSync(0, "utf8"));
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ prompt: job.prompt, seed: job.seed, cuda: process.env.CUDA_VISIBLE_DEVICES, steps: job.params.steps, loupeEnv: Object.keys(process.env).filter((k) => k.startsWith("LOUPE_") || k === "DATABASE_URL") }) + "\\n");
if (job.prompt.includes("fail")) { console.error("Traceback (most recent call last):"); console.error("RuntimeError: CUDA error: device-side assert"); process.exit(3); }
if (job.prompt.includes("silent")) process.exit(0);
if (job.prompt.includes("hang")) setInterval(() => {}, 1000);
else {
  fs.writeFileSync(path.join(job.output_dir, "sample.png"), Buffer.from(${JSON.stringify(png)}, "base64"));
  console.log("sampling done");
  console.log(JSON.stringify({ steps: job.params.steps }));
}
`,
    );
    await promptSet("command", ["a cat", "a dog", "fail case", "silent case", "hang case"]);
    const modelId = await model("script-model", {
      kind: "command",
      command: [process.execPath, script],
      timeoutSeconds: 2,
      attempts: 1,
      params: { steps: 8 },
    });
    const { id } = await owner.client.generation.create.mutate({
      projectSlug,
      model: "script-model",
      promptSet: "command",
    });
    const job = await waitForJob(id);
    expect(job.progress).toMatchObject({ done: 2, failed: 3 });
    const reasons = Object.fromEntries(job.failures.map((f) => [f.prompt, f.error]));
    expect(reasons["fail case"]).toMatch(
      /exited with code 3: .*RuntimeError: CUDA error: device-side assert/,
    );
    expect(reasons["silent case"]).toMatch(/wrote no file/);
    expect(reasons["hang case"]).toMatch(/timed out after 2 s/);
    const calls = fs
      .readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { cuda: string; steps: number; loupeEnv: string[] });
    expect(new Set(calls.map((c) => c.cuda))).toEqual(new Set(["3"]));
    expect(calls.every((c) => c.steps === 8)).toBe(true);
    // The worker's own secrets (database URL, server secret) never reach the user's script.
    expect(calls.flatMap((c) => c.loupeEnv)).toEqual([]);
    const outputs = await app.db.output.findMany({ where: { modelId } });
    expect(outputs.map((o) => [o.adapter, o.steps])).toEqual([
      ["command", 8],
      ["command", 8],
    ]);
  });
});

describe("onnx adapter", () => {
  it("runs a local ONNX generator on seeded noise: the same seed gives the same image, another seed another", async () => {
    const modelPath = path.join(tmp, "one-step.onnx");
    fs.writeFileSync(modelPath, tanhModel([1, 3, 8, 8]));
    await promptSet("onnx", ["anything"]);
    const modelId = await model("onnx-model", {
      kind: "onnx",
      modelPath,
      inputs: [{ name: "noise", source: "noise", shape: [1, 3, 8, 8] }],
    });
    const { id } = await owner.client.generation.create.mutate({
      projectSlug,
      model: "onnx-model",
      promptSet: "onnx",
      seeds: [7, 8, 7000000000000],
    });
    const job = await waitForJob(id);
    expect(job.progress).toMatchObject({ done: 3, failed: 0 });
    const outputs = await app.db.output.findMany({
      where: { modelId },
      include: { asset: true },
      orderBy: { seed: "asc" },
    });
    expect(outputs.map((o) => o.seed)).toEqual([7n, 8n, 7000000000000n]);
    expect(outputs[0]).toMatchObject({
      adapter: "onnx",
      executionProvider: "cpu",
      asset: { width: 8, height: 8 },
    });
    expect(new Set(outputs.map((o) => o.asset.sha256)).size).toBe(3);

    // Seed 7 again, under other parameters (a new output key): the same pixels, so the same file.
    await owner.client.models.setAdapter.mutate({
      projectSlug,
      modelId,
      adapter: {
        kind: "onnx",
        modelPath,
        inputs: [{ name: "noise", source: "noise", shape: [1, 3, 8, 8] }],
        params: { v: 2 },
      },
    });
    const second = await owner.client.generation.create.mutate({
      projectSlug,
      model: "onnx-model",
      promptSet: "onnx",
      seeds: [7],
    });
    await waitForJob(second.id);
    const again = await app.db.output.findFirstOrThrow({
      where: { modelId, generationJobId: second.id },
      include: { asset: true },
    });
    expect(again.asset.sha256).toBe(outputs[0]!.asset.sha256);
  });

  it("with CUDA demanded, runs on CUDA where this onnxruntime-node has it, and otherwise says why not", async () => {
    const modelPath = path.join(tmp, "one-step.onnx");
    const modelId = await model("cuda-onnx", {
      kind: "onnx",
      modelPath,
      executionProvider: "cuda",
      inputs: [{ name: "noise", source: "noise", shape: [1, 3, 8, 8] }],
    });
    const { id } = await owner.client.generation.create.mutate({
      projectSlug,
      model: "cuda-onnx",
      promptSet: "onnx",
    });
    const job = await waitForJob(id);
    const output = await app.db.output.findFirst({ where: { modelId } });
    if (output) expect(output.executionProvider).toBe("cuda");
    else expect(job.failures[0]!.error).toMatch(/the CUDA execution provider is not available here/);
  });

  it("fails every item with a clear reason when the model file is missing or not the registered one", async () => {
    await model("missing-onnx", {
      kind: "onnx",
      modelPath: path.join(tmp, "nope.onnx"),
      inputs: [{ name: "noise", source: "noise", shape: [1, 3, 8, 8] }],
    });
    const { id } = await owner.client.generation.create.mutate({
      projectSlug,
      model: "missing-onnx",
      promptSet: "onnx",
    });
    const job = await waitForJob(id);
    expect(job.failures[0]!.error).toMatch(/the model file .*nope\.onnx does not exist/);

    await model("tampered-onnx", {
      kind: "onnx",
      modelPath: path.join(tmp, "one-step.onnx"),
      sha256: "0".repeat(64),
      inputs: [{ name: "noise", source: "noise", shape: [1, 3, 8, 8] }],
    });
    const second = await owner.client.generation.create.mutate({
      projectSlug,
      model: "tampered-onnx",
      promptSet: "onnx",
    });
    expect((await waitForJob(second.id)).failures[0]!.error).toMatch(
      /not the registered 000000000000…: the file changed since it was registered/,
    );
  });
});
