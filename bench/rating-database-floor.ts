/**
 * The database floor of rating: the least SQL a judgment can cost with Loupe's guarantees, sent
 * straight from node-postgres — no HTTP, no tRPC, no Prisma, no session lookup, no task view.
 *
 * Per judgment, two statements, each its own durable commit (a rater must never lose an
 * acknowledged answer, so synchronous_commit stays on):
 *  1. lease: the assignment engine's own statement (least-judged task, FOR UPDATE SKIP LOCKED,
 *     bump the count, insert the assignment);
 *  2. submit: complete the assignment, count the judgment on the task and the rater, insert the
 *     judgment — folded into one statement, which the real submit (with its checks for expired
 *     leases, retries and races) cannot beat.
 *
 * Whatever the web tier does, rating cannot be faster than this on the same machine: it is the
 * ceiling against which the HTTP figure and the target are read.
 */
import crypto from "node:crypto";
import pg from "pg";

const SECONDS = 10;

export async function ratingDatabaseFloor(databaseUrl: string, studyId: string, raters: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  try {
    const settings = await pool.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'max_connections')`,
    );
    // Fresh raters, so each starts with every task open to it.
    const raterIds = Array.from({ length: raters }, () => crypto.randomUUID());
    await pool.query(`INSERT INTO "Rater" (id, "studyId") SELECT unnest($1::text[]), $2`, [
      raterIds,
      studyId,
    ]);
    const latencies: number[] = [];
    let judgments = 0;
    const timed = async <T>(call: () => Promise<T>) => {
      const t0 = performance.now();
      const result = await call();
      latencies.push(performance.now() - t0);
      return result;
    };
    const deadline = performance.now() + SECONDS * 1000;
    await Promise.all(
      raterIds.map(async (raterId) => {
        while (performance.now() < deadline) {
          const leased = await timed(() =>
            pool.query<{ id: string }>({
              name: "floor-lease",
              text: `
              WITH picked AS (
                SELECT t.id FROM "StudyTask" t
                WHERE t."studyId" = $1 AND NOT t."isGold" AND t."activeCount" < t.target
                  AND NOT EXISTS (SELECT 1 FROM "Assignment" a WHERE a."taskId" = t.id AND a."raterId" = $2)
                ORDER BY t."activeCount", t."sortKey"
                LIMIT 1
                FOR UPDATE SKIP LOCKED
              ), bumped AS (
                UPDATE "StudyTask" t SET "activeCount" = t."activeCount" + 1
                FROM picked WHERE t.id = picked.id RETURNING t.id
              )
              INSERT INTO "Assignment" (id, "studyId", "taskId", "raterId", swapped, "expiresAt")
              SELECT gen_random_uuid()::text, $1, bumped.id, $2, false, now() + interval '10 minutes'
              FROM bumped RETURNING id`,
              values: [studyId, raterId],
            }),
          );
          const assignmentId = leased.rows[0]?.id;
          if (!assignmentId) return;
          const submitted = await timed(() =>
            pool.query({
              name: "floor-submit",
              text: `
              WITH done AS (
                UPDATE "Assignment" SET status = 'completed', "completedAt" = now()
                WHERE id = $1 AND "raterId" = $2 AND status = 'leased'
                RETURNING id, "taskId", swapped
              ), task AS (
                UPDATE "StudyTask" t SET "judgmentCount" = t."judgmentCount" + 1
                FROM done WHERE t.id = done."taskId"
              ), rater AS (
                UPDATE "Rater" SET "judgmentCount" = "judgmentCount" + 1 WHERE id = $2
              )
              INSERT INTO "Judgment" (id, "studyId", "taskId", "raterId", "assignmentId", "idempotencyKey", answers, swapped)
              SELECT gen_random_uuid()::text, $3, done."taskId", $2, done.id, $4, '{"overall":"left"}'::jsonb, done.swapped
              FROM done`,
              values: [assignmentId, raterId, studyId, crypto.randomUUID()],
            }),
          );
          if (submitted.rowCount === 1) judgments++;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
    const setting = (name: string) => settings.rows.find((r) => r.name === name)?.setting;
    return (
      `${(judgments / SECONDS).toFixed(0)} judgments/s, latency per statement p50 ${pct(0.5)} ms, ` +
      `p99 ${pct(0.99)} ms (pool of 20; synchronous_commit ${setting("synchronous_commit")}, ` +
      `fsync ${setting("fsync")})`
    );
  } finally {
    await pool.end();
  }
}
