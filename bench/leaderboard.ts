/**
 * Study results at scale: a study with 100,000 judgments (8 models, 28 pairs, 2,000 prompts in
 * 20 tags, 20 raters) on an embedded PostgreSQL. Reports how long the worker's `study.results`
 * computation takes (read, compute with 1,000 bootstrap rounds, store) and how fast the
 * leaderboard API answers: GET /api/v1/projects/:slug/studies/:id/results through the REST handler
 * in this process (API-key check, fingerprint, the stored document, JSON), p50/p99 over 50 calls.
 *
 * The judgments are written with SQL (the rating path has its own benchmark); each follows a
 * Bradley–Terry model with known strengths, with 10% ties.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRuntime, launchStudy } from "@loupe/api";
import { createApiKey } from "@loupe/api/apikeys";
import { handleRestRequest } from "@loupe/api/rest";
import { refreshStudyResults } from "@loupe/api/results";
import { startEmbeddedPostgres } from "@loupe/db/embedded";
import { migrate } from "@loupe/db/migrate";

const root = path.resolve(import.meta.dirname, "..");
const PG_PORT = 55493;
const MODELS = 8;
const PROMPTS = 2000;
const TAGS = 20;
const RATERS = 20;
const JUDGMENTS = 100_000;

export async function benchLeaderboard() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-leaderboard-"));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: PG_PORT });
  try {
    await migrate(pg.url, path.join(root, "prisma/migrations"));
    const runtime = createRuntime({
      databaseUrl: pg.url,
      secret: crypto.randomBytes(32).toString("hex"),
      baseUrl: "http://bench",
      dataDir: dir,
    });
    const db = runtime.db;
    const project = await db.project.create({ data: { slug: "bench", name: "Bench" } });
    const set = await db.promptSet.create({ data: { projectId: project.id, name: "prompts" } });
    const models = [];
    for (let m = 0; m < MODELS; m++)
      models.push(await db.genModel.create({ data: { projectId: project.id, name: `model-${m}` } }));
    // Prompts, assets and outputs in bulk: the engine never reads the bytes.
    await db.$executeRaw`
      INSERT INTO "Prompt" (id, "promptSetId", "externalId", position, text, tags)
      SELECT gen_random_uuid()::text, ${set.id}, i::text, i, 'prompt ' || i, ARRAY['tag-' || (i % ${TAGS})]
      FROM generate_series(1, ${PROMPTS}) i`;
    await db.$executeRaw`
      INSERT INTO "Asset" (id, sha256, kind, mime, bytes)
      SELECT gen_random_uuid()::text, md5(p.id || m.id) || md5(m.id || p.id), 'image', 'image/png', 100
      FROM "Prompt" p CROSS JOIN "GenModel" m WHERE p."promptSetId" = ${set.id} AND m."projectId" = ${project.id}`;
    await db.$executeRaw`
      INSERT INTO "Output" (id, "projectId", "modelId", "promptId", "assetId")
      SELECT gen_random_uuid()::text, ${project.id}, m.id, p.id, a.id
      FROM "Prompt" p CROSS JOIN "GenModel" m
      JOIN "Asset" a ON a.sha256 = md5(p.id || m.id) || md5(m.id || p.id)
      WHERE p."promptSetId" = ${set.id} AND m."projectId" = ${project.id}`;
    const study = await db.study.create({
      data: {
        projectId: project.id,
        name: "bench",
        kind: "pairwise",
        config: {
          kind: "pairwise",
          template: "side-by-side",
          axes: [{ id: "overall", question: "Which is better?" }],
          modelIds: models.map((m) => m.id),
          promptSetIds: [set.id],
          overlap: 2,
        },
      },
    });
    await launchStudy(db, null, project.id, study.id);
    await db.$executeRaw`
      INSERT INTO "Rater" (id, "studyId") SELECT gen_random_uuid()::text, ${study.id} FROM generate_series(1, ${RATERS})`;
    // Two raters per task on the first JUDGMENTS / 2 tasks; model-k has strength 40·k Elo points.
    await db.$executeRaw`
      WITH tasks AS (
        SELECT t.id, row_number() OVER (ORDER BY t."sortKey") AS n FROM "StudyTask" t
        WHERE t."studyId" = ${study.id} ORDER BY t."sortKey" LIMIT ${JUDGMENTS / 2}
      ), raters AS (
        SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM "Rater" WHERE "studyId" = ${study.id}
      ), picks AS (
        SELECT tasks.id AS "taskId", raters.id AS "raterId" FROM tasks JOIN raters
          ON raters.k IN (tasks.n % ${RATERS}, (tasks.n + 7) % ${RATERS})
      )
      INSERT INTO "Assignment" (id, "studyId", "taskId", "raterId", swapped, status, "expiresAt", "completedAt")
      SELECT gen_random_uuid()::text, ${study.id}, "taskId", "raterId", random() < 0.5, 'completed', now(), now()
      FROM picks`;
    await db.$executeRaw`
      INSERT INTO "Judgment" (id, "studyId", "taskId", "raterId", "assignmentId", "idempotencyKey", answers, swapped)
      SELECT gen_random_uuid()::text, a."studyId", a."taskId", a."raterId", a.id, a.id,
             jsonb_build_object('overall', CASE
               WHEN u < 0.1 THEN 'tie'
               WHEN random() < 1 / (1 + power(10, (sb - sa) / 400.0)) THEN 'A'
               ELSE 'B' END),
             a.swapped
      FROM (
        SELECT a.*, random() AS u,
               40 * substring(ma.name from 7)::int AS sa, 40 * substring(mb.name from 7)::int AS sb
        FROM "Assignment" a
        JOIN "StudyTask" t ON t.id = a."taskId"
        JOIN "Output" oa ON oa.id = t."outputAId" JOIN "GenModel" ma ON ma.id = oa."modelId"
        JOIN "Output" ob ON ob.id = t."outputBId" JOIN "GenModel" mb ON mb.id = ob."modelId"
        WHERE a."studyId" = ${study.id}
      ) a`;
    const judgments = await db.judgment.count({ where: { studyId: study.id } });

    let t0 = performance.now();
    await refreshStudyResults(db, study.id);
    const computeMs = performance.now() - t0;
    const stored = await db.$queryRaw<{ bytes: number }[]>`
      SELECT octet_length(data::text) AS bytes FROM "StudyResult" WHERE "studyId" = ${study.id}`;

    const { key } = await createApiKey(db, { userId: null, role: "owner" }, project.id, {
      name: "bench",
      role: "researcher",
    });
    const call = async () => {
      const res = await handleRestRequest(
        runtime,
        new Request(`http://bench/api/v1/projects/bench/studies/${study.id}/results`, {
          headers: { authorization: `Bearer ${key}` },
        }),
      );
      if (res.status !== 200) throw new Error(`results: ${res.status}`);
      return res.text();
    };
    await call();
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      t0 = performance.now();
      await call();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    await db.$disconnect();
    return {
      name: `leaderboard: study with ${judgments.toLocaleString("en-US")} judgments, ${MODELS} models, ${PROMPTS} prompts in ${TAGS} tags`,
      summary:
        `results computed in ${(computeMs / 1000).toFixed(1)} s (1,000 bootstrap rounds; ${Math.round(stored[0]!.bytes / 1024)} KiB stored); ` +
        `GET /results p50 ${times[24]!.toFixed(0)} ms, p99 ${times[49]!.toFixed(0)} ms`,
    };
  } finally {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchLeaderboard();
  console.log(`${r.name}: ${r.summary}`);
}
