/**
 * Rating throughput: judgment submit + next task over HTTP at 100 concurrent raters, against the
 * real `loupe start` (Next.js production server, embedded PostgreSQL), driven by autocannon.
 *
 * Setup, through the public interfaces: sign in as the administrator, create a project, four
 * models, a prompt set of 500 prompts, upload an output per (model, prompt) through /api/v1,
 * create and launch a study (6 pairs × 500 prompts = 3,000 tasks, overlap 10), and redeem an
 * invite link 100 times. Each autocannon connection is one rater with its own session cookie and
 * loops `rating.next` → `rating.submit`. Afterwards the judgments are counted in the database
 * (through the monitor) and compared with the submissions the server acknowledged.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { appRouter, createCallerFactory, createRuntime } from "@loupe/api";
import sharp from "sharp";
import { ratingDatabaseFloor } from "./rating-database-floor";

const root = path.resolve(import.meta.dirname, "..");
const PORT = 3792;
const PG_PORT = 55492;
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: "bench@loupe.test", password: "bench-password-123" };
const RATERS = 100;
const PROMPTS = 500;
const MODELS = ["m-a", "m-b", "m-c", "m-d"];
const DURATION_S = 20;

type Json = Record<string, unknown>;
/** What one autocannon connection (one rater) remembers between its two requests. */
type RaterContext = { assignmentId: string | null };

async function trpc(cookie: string, proc: string, input: unknown, kind: "query" | "mutation") {
  const url = `${BASE}/api/trpc/${proc}`;
  const res =
    kind === "query"
      ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } })
      : await fetch(url, {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify(input),
        });
  const body = (await res.json()) as { result?: { data: unknown }; error?: unknown };
  if (!res.ok) throw new Error(`${proc}: ${res.status} ${JSON.stringify(body.error)}`);
  return body.result!.data as Json;
}

async function waitForServer(child: ReturnType<typeof spawn>) {
  const t0 = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${BASE}/sign-in`)).status === 200) return;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error("loupe start exited early");
    if (Date.now() - t0 > 180_000) throw new Error("loupe start did not come up in 180 s");
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function setUp() {
  const signIn = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify(ADMIN),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const projectSlug = "bench";
  await trpc(cookie, "projects.create", { name: "Bench", slug: projectSlug }, "mutation");
  const { key } = (await trpc(
    cookie,
    "apiKeys.create",
    { projectSlug, name: "bench", role: "researcher" },
    "mutation",
  )) as { key: string };
  const modelIds: string[] = [];
  for (const name of MODELS)
    modelIds.push(
      ((await trpc(cookie, "models.create", { projectSlug, name }, "mutation")) as { id: string }).id,
    );
  const prompts = Array.from({ length: PROMPTS }, (_, i) => ({
    externalId: String(i + 1),
    text: `prompt ${i + 1}`,
  }));
  const set = (await trpc(
    cookie,
    "promptSets.create",
    { projectSlug, name: "bench", prompts },
    "mutation",
  )) as {
    id: string;
  };

  // A small distinct PNG per output, as real outputs are (the engine never reads the bytes).
  const image = (i: number) =>
    sharp({
      create: { width: 32, height: 32, channels: 3, background: { r: i % 256, g: (i >> 8) % 256, b: 77 } },
    })
      .png()
      .toBuffer();
  const uploads = MODELS.flatMap((model, m) =>
    prompts.map((p, i) => ({ model, promptId: p.externalId, index: m * PROMPTS + i })),
  );
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < uploads.length) {
        const u = uploads[next++]!;
        const form = new FormData();
        form.set("file", new Blob([new Uint8Array(await image(u.index))], { type: "image/png" }), "x.png");
        form.set("model", u.model);
        form.set("prompt_set", "bench");
        form.set("prompt_id", u.promptId);
        const res = await fetch(`${BASE}/api/v1/projects/${projectSlug}/outputs`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}` },
          body: form,
        });
        if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
      }
    }),
  );

  const study = (await trpc(
    cookie,
    "studies.create",
    {
      projectSlug,
      name: "bench",
      config: {
        kind: "pairwise",
        axes: [{ id: "overall", question: "Which is better?" }],
        modelIds,
        promptSetIds: [set.id],
        overlap: 10,
      },
    },
    "mutation",
  )) as { id: string };
  const launch = await trpc(cookie, "studies.launch", { projectSlug, studyId: study.id }, "mutation");
  const invite = (await trpc(
    cookie,
    "studies.createInvite",
    { projectSlug, studyId: study.id },
    "mutation",
  )) as {
    path: string;
  };
  const base = {
    cookie,
    projectSlug,
    studyId: study.id,
    tasks: launch.tasks as number,
    invitePath: invite.path,
  };
  return { ...base, raterCookies: await moreRaters(base) };
}

/** RATERS new rater sessions, each from opening the invite link. */
async function moreRaters(setup: { invitePath: string }): Promise<string[]> {
  const raterCookies: string[] = [];
  for (let i = 0; i < RATERS; i++) {
    const res = await fetch(`${BASE}${setup.invitePath}`, { redirect: "manual" });
    raterCookies.push(res.headers.getSetCookie()[0]!.split(";")[0]!);
  }
  return raterCookies;
}

/**
 * The same loop without HTTP: tRPC procedures called in this process (zod, services, Prisma,
 * PostgreSQL), 100 concurrent raters for 10 s. The gap to the HTTP figure is what Next.js, HTTP
 * and JSON cost; this figure is the ceiling of one Node process running the engine.
 */
async function inProcess(dataDir: string, setup: Awaited<ReturnType<typeof setUp>>) {
  const runtime = createRuntime({
    databaseUrl: embeddedDatabaseUrl(dataDir),
    secret: "bench-secret-bench-secret-bench-secret",
    baseUrl: BASE,
    dataDir,
  });
  const createCaller = createCallerFactory(appRouter);
  const { studyId } = setup;
  let judgments = 0;
  const latencies: number[] = [];
  const timed = async <T>(call: () => Promise<T>) => {
    const t0 = performance.now();
    const result = await call();
    latencies.push(performance.now() - t0);
    return result;
  };
  const deadline = performance.now() + 10_000;
  await Promise.all(
    setup.raterCookies.map(async (cookie) => {
      const rating = createCaller({
        db: runtime.db,
        runtime,
        headers: new Headers({ cookie }),
        user: null,
      }).rating;
      while (performance.now() < deadline) {
        const next = await timed(() => rating.next({ studyId }));
        if (next.status !== "task") return;
        await timed(() =>
          rating.submit({
            studyId,
            assignmentId: next.task.assignmentId,
            idempotencyKey: crypto.randomUUID(),
            answers: { overall: "left" },
          }),
        );
        judgments++;
      }
    }),
  );
  await runtime.db.$disconnect();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  return `${(judgments / 10).toFixed(0)} judgments/s, latency per call p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms`;
}

function embeddedDatabaseUrl(dataDir: string) {
  const password = fs.readFileSync(path.join(dataDir, "postgres.password"), "utf8").trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${PG_PORT}/loupe`;
}

export async function benchRatingThroughput() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-rating-"));
  fs.chmodSync(dataDir, 0o755);
  const child = spawn(process.execPath, [path.join(root, "scripts/loupe.mjs"), "start", "--no-worker"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: "",
      LOUPE_DATA_DIR: dataDir,
      PORT: String(PORT),
      LOUPE_PG_PORT: String(PG_PORT),
      LOUPE_ADMIN_EMAIL: ADMIN.email,
      LOUPE_ADMIN_PASSWORD: ADMIN.password,
      LOUPE_DEMO: "0",
      LOUPE_BASE_URL: BASE,
    },
    stdio: "ignore",
  });
  try {
    await waitForServer(child);
    const setup = await setUp();
    const { studyId } = setup;
    let connection = 0;
    let acknowledged = 0;
    let duplicates = 0;
    let refused = 0;
    const result = await autocannon({
      url: BASE,
      connections: RATERS,
      duration: DURATION_S,
      initialContext: { assignmentId: null as string | null },
      setupClient: (client) => {
        client.setHeaders({
          cookie: setup.raterCookies[connection++ % RATERS]!,
          "content-type": "application/json",
        });
      },
      requests: [
        {
          method: "POST",
          path: "/api/trpc/rating.next",
          body: JSON.stringify({ studyId }),
          onResponse: (status, body, context) => {
            const data = status === 200 ? (JSON.parse(body) as { result: { data: Json } }).result.data : null;
            const task = data?.status === "task" ? (data.task as { assignmentId: string }) : null;
            (context as RaterContext).assignmentId = task?.assignmentId ?? null;
          },
        },
        {
          method: "POST",
          path: "/api/trpc/rating.submit",
          setupRequest: (req, context) => ({
            ...req,
            body: JSON.stringify({
              studyId,
              assignmentId: (context as RaterContext).assignmentId ?? "none",
              idempotencyKey: crypto.randomUUID(),
              answers: { overall: ["left", "right", "tie"][crypto.randomInt(3)] },
              durationMs: 3000,
            }),
          }),
          onResponse: (status, body) => {
            if (status !== 200) return void refused++;
            const data = (JSON.parse(body) as { result: { data: { duplicate: boolean } } }).result.data;
            if (data.duplicate) duplicates++;
            else acknowledged++;
          },
        },
      ],
    });
    const study = await trpc(
      setup.cookie,
      "studies.get",
      { projectSlug: setup.projectSlug, studyId },
      "query",
    );
    const monitor = await trpc(
      setup.cookie,
      "studies.monitor",
      { projectSlug: setup.projectSlug, studyId },
      "query",
    );
    const overTarget = (monitor.pairs as { target: number; judgments: number }[]).filter(
      (p) => p.judgments > p.target,
    );
    const stored = study.judgments as number;
    // Fresh raters for the in-process run, so each starts with a clean slate of tasks.
    const inProcessFigures = await inProcess(path.join(dataDir), {
      ...setup,
      raterCookies: await moreRaters(setup),
    });
    const floor = await ratingDatabaseFloor(embeddedDatabaseUrl(dataDir), studyId, RATERS);
    const judgmentsPerSecond = acknowledged / DURATION_S;
    return {
      name: `rating: next + submit over HTTP, ${RATERS} concurrent raters, ${DURATION_S} s`,
      summary:
        `${judgmentsPerSecond.toFixed(0)} judgments/s (${result.requests.average.toFixed(0)} requests/s); ` +
        `latency per request p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
        // autocannon stops reading when time is up: submissions in flight then may be stored
        // without being acknowledged (at most one per connection). Lost = acknowledged, not stored.
        `${acknowledged} acknowledged, ${stored} stored (${
          stored >= acknowledged && stored - acknowledged <= RATERS
            ? `none lost; ${stored - acknowledged} were in flight at the stop`
            : "MISMATCH"
        }), ` +
        `${duplicates} duplicates, ${refused} refused, ${result.errors} errors, ${result.timeouts} timeouts; ` +
        `${overTarget.length === 0 ? "no pair past its target" : "PAIRS PAST TARGET"}; ${setup.tasks} tasks. ` +
        `Without HTTP (tRPC called in process, same database): ${inProcessFigures}. ` +
        `Database floor (the two statements a judgment needs, from node-postgres): ${floor}`,
    };
  } finally {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT");
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchRatingThroughput();
  console.log(`${r.name}: ${r.summary}`);
}
