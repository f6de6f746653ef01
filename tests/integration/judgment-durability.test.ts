/**
 * An acknowledged judgment survives a crash of the web process: the real `loupe start` takes a
 * judgment over HTTP, is killed with SIGKILL right after answering, and the next start finds the
 * judgment, its completed assignment and the task's count. Needs the built web app.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createInvite, createRuntime, createStudy, launchStudy, type Runtime } from "@loupe/api";
import { killAllLoupes, runLoupe } from "./support/loupe-process";

const PORT = 3930 + Math.floor(Math.random() * 50);
const PG_PORT = 55470 + Math.floor(Math.random() * 20);
const BASE = `http://127.0.0.1:${PORT}`;
let dataDir: string;
let env: Record<string, string>;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-durable-"));
  fs.chmodSync(dataDir, 0o755);
  env = { LOUPE_DATA_DIR: dataDir, PORT: String(PORT), LOUPE_PG_PORT: String(PG_PORT), LOUPE_BASE_URL: BASE };
});
afterAll(() => {
  killAllLoupes();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function runtimeOn(dir: string): Runtime {
  const password = fs.readFileSync(path.join(dir, "postgres.password"), "utf8").trim();
  return createRuntime({
    databaseUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${PG_PORT}/loupe`,
    secret: "durability-test-secret-durability-test",
    baseUrl: BASE,
    dataDir: dir,
  });
}

async function trpc(cookie: string, proc: string, input: unknown) {
  const res = await fetch(`${BASE}/api/trpc/${proc}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: Record<string, unknown> } }).result.data;
}

it("keeps a judgment the server acknowledged when the web process is killed right after", async () => {
  const first = runLoupe(["start", "--no-worker"], env);
  await first.waitFor(/Loupe is ready/);

  // A study with one task, set up through the services on the server's own database.
  const runtime = runtimeOn(dataDir);
  const db = runtime.db;
  const project = await db.project.create({ data: { slug: "crash", name: "Crash" } });
  const set = await db.promptSet.create({ data: { projectId: project.id, name: "p" } });
  const prompt = await db.prompt.create({
    data: { promptSetId: set.id, externalId: "1", position: 0, text: "a cat" },
  });
  const modelIds: string[] = [];
  for (const name of ["a", "b"]) {
    const model = await db.genModel.create({ data: { projectId: project.id, name } });
    const asset = await db.asset.create({
      data: { sha256: crypto.randomBytes(32).toString("hex"), kind: "image", mime: "image/png", bytes: 1n },
    });
    await db.output.create({
      data: { projectId: project.id, modelId: model.id, promptId: prompt.id, assetId: asset.id },
    });
    modelIds.push(model.id);
  }
  const study = await createStudy(db, null, project.id, {
    name: "s",
    config: {
      kind: "pairwise",
      axes: [{ id: "overall", question: "?" }],
      modelIds,
      promptSetIds: [set.id],
      overlap: 1,
    },
  });
  await launchStudy(db, null, project.id, study.id);
  const invite = await createInvite(db, null, project.id, { studyId: study.id });
  await db.$disconnect();

  // A rater opens the invite link and judges the task over HTTP.
  const opened = await fetch(`${BASE}${invite.path}`, { redirect: "manual" });
  expect(opened.status).toBe(303);
  const cookie = opened.headers.getSetCookie()[0]!.split(";")[0]!;
  const next = (await trpc(cookie, "rating.next", { studyId: study.id })) as {
    task: { assignmentId: string };
  };
  const ack = await trpc(cookie, "rating.submit", {
    studyId: study.id,
    assignmentId: next.task.assignmentId,
    idempotencyKey: crypto.randomUUID(),
    answers: { overall: "left" },
  });
  expect(ack.duplicate).toBe(false);

  // Crash right after the acknowledgment.
  first.child.kill("SIGKILL");
  await first.exited;

  const second = runLoupe(["start", "--no-worker"], env);
  await second.waitFor(/Loupe is ready/);
  const after = runtimeOn(dataDir);
  try {
    const judgment = await after.db.judgment.findUnique({ where: { id: ack.judgmentId as string } });
    expect(judgment).toMatchObject({ studyId: study.id, assignmentId: next.task.assignmentId });
    expect(await after.db.assignment.findUnique({ where: { id: next.task.assignmentId } })).toMatchObject({
      status: "completed",
    });
    const task = await after.db.studyTask.findFirstOrThrow({ where: { studyId: study.id } });
    expect(task).toMatchObject({ judgmentCount: 1, activeCount: 1 });
  } finally {
    await after.db.$disconnect();
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  }
}, 180_000);
