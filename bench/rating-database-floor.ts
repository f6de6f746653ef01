/**
 * The database floor of rating: the least SQL a judgment can cost with Loupe's guarantees, sent
 * straight from node-postgres — no HTTP, no tRPC, no Prisma, no session lookup, no task view.
 * Whatever the web tier does, rating cannot be faster than this on the same machine: it is the
 * ceiling against which the HTTP figure and the target are read.
 *
 * Two shapes, each with every acknowledged judgment durably committed (synchronous_commit stays
 * on: a rater must never lose an acknowledged answer):
 *  - "two statements": lease (the assignment engine's own statement: least-judged task,
 *    FOR UPDATE SKIP LOCKED, bump the count, insert the assignment), then submit (complete the
 *    assignment, count the judgment on the task and the rater, insert the judgment) — two commits
 *    per judgment, as `rating.next` + `rating.submit` do;
 *  - "one statement": submit this judgment and lease the next task in a single statement — one
 *    commit per judgment, the least any design with a durable acknowledgment can do.
 */
import crypto from "node:crypto";
import pg from "pg";

const SECONDS = 10;

const LEASE = `
  picked AS (
    SELECT t.id FROM "StudyTask" t
    WHERE t."studyId" = $1 AND NOT t."isGold" AND t."activeCount" < t.target
      AND NOT EXISTS (SELECT 1 FROM "Assignment" a WHERE a."taskId" = t.id AND a."raterId" = $2)
    ORDER BY t."activeCount", t."sortKey"
    LIMIT 1
    FOR UPDATE SKIP LOCKED
  ), bumped AS (
    UPDATE "StudyTask" t SET "activeCount" = t."activeCount" + 1
    FROM picked WHERE t.id = picked.id RETURNING t.id
  ), leased AS (
    INSERT INTO "Assignment" (id, "studyId", "taskId", "raterId", swapped, "expiresAt")
    SELECT gen_random_uuid()::text, $1, bumped.id, $2, false, now() + interval '10 minutes'
    FROM bumped RETURNING id
  )`;

// The task judged is never the task leased (a rater never gets a task twice), so the two
// updates of "StudyTask" in the combined statement never touch the same row.
const SUBMIT = `
  done AS (
    UPDATE "Assignment" SET status = 'completed', "completedAt" = now()
    WHERE id = $3 AND "raterId" = $2 AND status = 'leased'
    RETURNING id, "taskId", swapped
  ), counted AS (
    UPDATE "StudyTask" t SET "judgmentCount" = t."judgmentCount" + 1
    FROM done WHERE t.id = done."taskId"
  ), rater AS (
    UPDATE "Rater" SET "judgmentCount" = "judgmentCount" + 1 WHERE id = $2 AND EXISTS (SELECT 1 FROM done)
  ), judged AS (
    INSERT INTO "Judgment" (id, "studyId", "taskId", "raterId", "assignmentId", "idempotencyKey", answers, swapped)
    SELECT gen_random_uuid()::text, $1, done."taskId", $2, done.id, $4, '{"overall":"left"}'::jsonb, done.swapped
    FROM done RETURNING id
  )`;

type Shape = "two statements" | "one statement";

async function measure(pool: pg.Pool, studyId: string, raters: number, shape: Shape) {
  // Fresh raters, so each starts with every task open to it.
  const raterIds = Array.from({ length: raters }, () => crypto.randomUUID());
  await pool.query(`INSERT INTO "Rater" (id, "studyId") SELECT unnest($1::text[]), $2`, [raterIds, studyId]);
  const latencies: number[] = [];
  let judgments = 0;
  const timed = async <T>(call: () => Promise<T>) => {
    const t0 = performance.now();
    const result = await call();
    latencies.push(performance.now() - t0);
    return result;
  };
  const lease = (raterId: string) =>
    timed(() =>
      pool.query<{ id: string }>({
        name: "floor-lease",
        text: `WITH ${LEASE} SELECT id FROM leased`,
        values: [studyId, raterId],
      }),
    );
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    raterIds.map(async (raterId) => {
      let assignmentId = (await lease(raterId)).rows[0]?.id;
      while (assignmentId && performance.now() < deadline) {
        if (shape === "two statements") {
          const submitted = await timed(() =>
            pool.query({
              name: "floor-submit",
              text: `WITH ${SUBMIT} SELECT id FROM judged`,
              values: [studyId, raterId, assignmentId, crypto.randomUUID()],
            }),
          );
          if (submitted.rowCount === 1) judgments++;
          assignmentId = (await lease(raterId)).rows[0]?.id;
        } else {
          const both = await timed(() =>
            pool.query<{ judged: string | null; next: string | null }>({
              name: "floor-submit-and-lease",
              text: `WITH ${SUBMIT}, ${LEASE}
                     SELECT (SELECT id FROM judged) AS judged, (SELECT id FROM leased) AS next`,
              values: [studyId, raterId, assignmentId, crypto.randomUUID()],
            }),
          );
          if (both.rows[0]?.judged) judgments++;
          assignmentId = both.rows[0]?.next ?? undefined;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  return `${shape}: ${(judgments / SECONDS).toFixed(0)} judgments/s, latency per statement p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms`;
}

export async function ratingDatabaseFloor(databaseUrl: string, studyId: string, raters: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  try {
    const settings = await pool.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync')`,
    );
    const setting = (name: string) => settings.rows.find((r) => r.name === name)?.setting;
    const two = await measure(pool, studyId, raters, "two statements");
    const one = await measure(pool, studyId, raters, "one statement");
    return (
      `${two}; ${one} (pool of 20; synchronous_commit ${setting("synchronous_commit")}, ` +
      `fsync ${setting("fsync")})`
    );
  } finally {
    await pool.end();
  }
}
