/**
 * A preference-dataset export at scale, the whole path: a study with 1,000,000 judgments on an
 * embedded PostgreSQL (20,000 prompts × 6 models, every pair of a prompt's images as an item,
 * four raters on each of 250,000 items, 10% ties, 500 raters) exported as Pick-a-Pic Parquet with
 * every judgment a row and images as paths — read in batches from the database, checked against
 * media storage (120,000 image files on the local disk), written, stored under their sha256 and
 * recorded — by `buildDatasetExport`, as the worker runs it. Reports the time, the rows per
 * second and the process's peak RSS (target: under 20 s and 500 MB). The Parquet file is read back
 * with hyparquet to check its row count.
 *
 * The judgments are written with SQL (the rating path has its own benchmark).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { asyncBufferFromFile, parquetMetadataAsync } from "hyparquet";
import { createRuntime } from "@loupe/api";
import { buildDatasetExport, createDatasetExport } from "@loupe/api/datasets";
import { startEmbeddedPostgres } from "@loupe/db/embedded";
import { migrate } from "@loupe/db/migrate";
import { LocalMediaStorage } from "@loupe/media";

const root = path.resolve(import.meta.dirname, "..");
const PG_PORT = 55494;
const MODELS = 6;
const PROMPTS = 20_000;
const RATERS = 500;
const JUDGED_ITEMS = 250_000;
const RATERS_PER_ITEM = 4;

export async function benchDatasetExport() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-export-"));
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
    const storage = new LocalMediaStorage(path.join(dir, "media"));
    const project = await db.project.create({ data: { slug: "bench", name: "Bench" } });
    const set = await db.promptSet.create({ data: { projectId: project.id, name: "prompts" } });
    const models = [];
    for (let m = 0; m < MODELS; m++)
      models.push(await db.genModel.create({ data: { projectId: project.id, name: `model-${m}` } }));
    await db.$executeRaw`
      INSERT INTO "Prompt" (id, "promptSetId", "externalId", position, text, tags)
      SELECT gen_random_uuid()::text, ${set.id}, i::text, i,
             'prompt number ' || i || ': a photograph of something quite specific, in some style', '{}'
      FROM generate_series(1, ${PROMPTS}) i`;
    // Each image's bytes are "image <prompt> <model>", stored under their real sha256.
    await db.$executeRaw`
      INSERT INTO "Asset" (id, sha256, kind, mime, bytes)
      SELECT gen_random_uuid()::text, encode(sha256(convert_to('image ' || p.id || ' ' || m.id, 'UTF8')), 'hex'),
             'image', 'image/png', octet_length('image ' || p.id || ' ' || m.id)
      FROM "Prompt" p CROSS JOIN "GenModel" m WHERE p."promptSetId" = ${set.id} AND m."projectId" = ${project.id}`;
    await db.$executeRaw`
      INSERT INTO "Output" (id, "projectId", "modelId", "promptId", "assetId")
      SELECT gen_random_uuid()::text, ${project.id}, m.id, p.id, a.id
      FROM "Prompt" p CROSS JOIN "GenModel" m
      JOIN "Asset" a ON a.sha256 = encode(sha256(convert_to('image ' || p.id || ' ' || m.id, 'UTF8')), 'hex')
      WHERE p."promptSetId" = ${set.id} AND m."projectId" = ${project.id}`;
    const files = await db.$queryRaw<{ sha256: string; content: string }[]>`
      SELECT a.sha256, 'image ' || o."promptId" || ' ' || o."modelId" AS content
      FROM "Output" o JOIN "Asset" a ON a.id = o."assetId" WHERE o."projectId" = ${project.id}`;
    for (let i = 0; i < files.length; i += 64)
      await Promise.all(
        files.slice(i, i + 64).map(async (f) => {
          const target = storage.localPath(f.sha256);
          await fsp.mkdir(path.dirname(target), { recursive: true });
          await fsp.writeFile(target, f.content);
        }),
      );

    const study = await db.study.create({
      data: {
        projectId: project.id,
        name: "bench",
        kind: "pairwise",
        status: "completed",
        config: {
          kind: "pairwise",
          template: "side-by-side",
          axes: [{ id: "overall", question: "Which is better?" }],
          modelIds: models.map((m) => m.id),
          promptSetIds: [set.id],
          overlap: RATERS_PER_ITEM,
        },
      },
    });
    await db.$executeRaw`
      INSERT INTO "StudyTask" (id, "studyId", "promptId", "outputAId", "outputBId", target, "sortKey")
      SELECT gen_random_uuid()::text, ${study.id}, a."promptId", a.id, b.id, ${RATERS_PER_ITEM},
             row_number() OVER (ORDER BY a."promptId", a.id, b.id)
      FROM "Output" a JOIN "Output" b ON b."promptId" = a."promptId" AND a.id < b.id
      WHERE a."projectId" = ${project.id}`;
    await db.$executeRaw`
      INSERT INTO "Rater" (id, "studyId") SELECT gen_random_uuid()::text, ${study.id} FROM generate_series(1, ${RATERS})`;
    await db.$executeRaw`
      WITH tasks AS (
        SELECT id, "sortKey" AS n FROM "StudyTask" WHERE "studyId" = ${study.id} AND "sortKey" <= ${JUDGED_ITEMS}
      ), raters AS (
        SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM "Rater" WHERE "studyId" = ${study.id}
      )
      INSERT INTO "Assignment" (id, "studyId", "taskId", "raterId", swapped, status, "expiresAt", "completedAt")
      SELECT gen_random_uuid()::text, ${study.id}, tasks.id, raters.id, random() < 0.5, 'completed', now(), now()
      FROM tasks CROSS JOIN generate_series(0, ${RATERS_PER_ITEM - 1}) j
      JOIN raters ON raters.k = (tasks.n * ${RATERS_PER_ITEM} + j) % ${RATERS}`;
    await db.$executeRaw`
      INSERT INTO "Judgment" (id, "studyId", "taskId", "raterId", "assignmentId", "idempotencyKey", answers, swapped)
      SELECT gen_random_uuid()::text, "studyId", "taskId", "raterId", id, id,
             jsonb_build_object('overall', CASE WHEN u < 0.1 THEN 'tie' WHEN u < 0.6 THEN 'A' ELSE 'B' END),
             swapped
      FROM (SELECT *, random() AS u FROM "Assignment" WHERE "studyId" = ${study.id}) a`;
    // The items' and raters' judgment counters, as submitting keeps them.
    await db.$executeRaw`
      UPDATE "StudyTask" t SET "judgmentCount" = c.n
      FROM (SELECT "taskId", count(*)::int AS n FROM "Judgment" GROUP BY "taskId") c WHERE c."taskId" = t.id`;
    await db.$executeRaw`ANALYZE`;
    const judgments = await db.judgment.count({ where: { studyId: study.id } });

    let peak = process.memoryUsage().rss;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const created = await createDatasetExport(db, project.id, {
      name: "bench",
      studyIds: [study.id],
      format: "pick-a-pic",
      split: { train: 1, validation: 0, test: 0 },
      excludeGold: false,
    });
    const manifest = await buildDatasetExport({ db, storage }, created.id);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sample);
    peak = Math.max(peak, process.memoryUsage().rss);

    const parquet = manifest.files.find((f) => f.path === "train.parquet")!;
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(storage.localPath(parquet.sha256)));
    if (Number(metadata.num_rows) !== manifest.counts.rows || manifest.counts.rows !== judgments)
      throw new Error(
        `${judgments} judgments, ${manifest.counts.rows} rows, ${metadata.num_rows} in the file`,
      );
    await db.$disconnect();
    return {
      name: `dataset export: ${judgments.toLocaleString("en")} judgments to Pick-a-Pic Parquet (paths), from the database`,
      summary: `${manifest.counts.rows.toLocaleString("en")} rows and ${manifest.images.count.toLocaleString("en")} images in ${seconds.toFixed(1)} s (${Math.round(manifest.counts.rows / seconds).toLocaleString("en")} rows/s), ${(parquet.bytes / 1e6).toFixed(0)} MB file, peak RSS ${Math.round(peak / 1e6)} MB`,
    };
  } finally {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchDatasetExport();
  console.log(`${r.name}: ${r.summary}`);
}
