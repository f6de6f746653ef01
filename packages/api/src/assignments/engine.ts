/**
 * The assignment engine: which task a rater gets next, under a lease, in PostgreSQL.
 *
 * A task's `activeCount` counts its live leases plus its completed judgments, and the engine only
 * serves a task while `activeCount < target`. Taking a task is one statement that locks the
 * chosen row with `FOR UPDATE SKIP LOCKED`, bumps the count and inserts the assignment. Under
 * concurrency PostgreSQL re-checks the WHERE clause on the locked row's newest version, so a task
 * that filled up meanwhile is passed over; raters who race for the same task skip to the next
 * one instead of queueing. The unique (taskId, raterId) index makes "never the same task twice"
 * a database guarantee rather than a hope.
 *
 * Ordering by (activeCount, sortKey) serves the least-judged tasks first, in an order shuffled
 * once at launch: every model pair and prompt fills up evenly, straight from an index.
 *
 * Leases that expire are returned to the pool lazily, by the next request for the study.
 */
import crypto from "node:crypto";
import { isUniqueViolation, type Db } from "@loupe/db";
import { nextPairToServe, pairKey, type PairCounts } from "@loupe/stats";
import type { PairwiseConfig } from "../studies/config";

/** A task far beyond any overlap: gold items may be shown to every rater once. */
export const GOLD_TARGET = 1_000_000;
/** A rater may hold this many live leases: the task on screen and the prefetched next one. */
export const MAX_LIVE_LEASES = 2;

export type Lease = { assignmentId: string; taskId: string; swapped: boolean; expiresAt: Date };

/** Marks expired leases of the study and gives their slots back to the tasks. */
export async function releaseExpiredLeases(db: Db, studyId: string): Promise<number> {
  const released = await db.$executeRaw`
    WITH expired AS (
      UPDATE "Assignment" SET status = 'expired'
      WHERE "studyId" = ${studyId} AND status = 'leased' AND "expiresAt" < now()
      RETURNING "taskId"
    ), per_task AS (
      SELECT "taskId", count(*)::int AS n FROM expired GROUP BY "taskId"
    )
    UPDATE "StudyTask" t SET "activeCount" = t."activeCount" - per_task.n
    FROM per_task WHERE t.id = per_task."taskId"`;
  return released;
}

/** The rater's live leases (not expired, not answered), oldest first. */
export async function liveLeases(db: Db, raterId: string): Promise<Lease[]> {
  const rows = await db.assignment.findMany({
    where: { raterId, status: "leased", expiresAt: { gt: new Date() } },
    orderBy: { leasedAt: "asc" },
    select: { id: true, taskId: true, swapped: true, expiresAt: true },
  });
  return rows.map((r) => ({
    assignmentId: r.id,
    taskId: r.taskId,
    swapped: r.swapped,
    expiresAt: r.expiresAt,
  }));
}

/** Leases one task from the pool (gold or regular), or returns null when none is open for the rater. */
export async function leaseTask(
  db: Db,
  studyId: string,
  raterId: string,
  /** `oneSided`: the task shows one output (safety review), so there are no sides to randomize. */
  opts: { gold: boolean; leaseSeconds: number; oneSided?: boolean },
): Promise<Lease | null> {
  const swapped = !opts.oneSided && crypto.randomInt(2) === 1;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const rows = await db.$queryRaw<{ id: string; taskId: string; swapped: boolean; expiresAt: Date }[]>`
        WITH picked AS (
          SELECT t.id FROM "StudyTask" t
          WHERE t."studyId" = ${studyId} AND t."isGold" = ${opts.gold} AND t."activeCount" < t.target
            AND NOT EXISTS (SELECT 1 FROM "Assignment" a WHERE a."taskId" = t.id AND a."raterId" = ${raterId})
          ORDER BY t."activeCount", t."sortKey"
          LIMIT 1
          FOR UPDATE SKIP LOCKED
        ), bumped AS (
          UPDATE "StudyTask" t SET "activeCount" = t."activeCount" + 1
          FROM picked WHERE t.id = picked.id
          RETURNING t.id
        )
        INSERT INTO "Assignment" (id, "studyId", "taskId", "raterId", swapped, "expiresAt")
        SELECT gen_random_uuid()::text, ${studyId}, bumped.id, ${raterId}, ${swapped},
               now() + make_interval(secs => ${opts.leaseSeconds})
        FROM bumped
        RETURNING id, "taskId", swapped, "expiresAt"`;
      const row = rows[0];
      return row
        ? { assignmentId: row.id, taskId: row.taskId, swapped: row.swapped, expiresAt: row.expiresAt }
        : null;
    } catch (err) {
      // The same rater's two requests raced for one task: the statement rolled back whole; retry.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return null;
}

/**
 * Adaptive plan: when the pool is empty, ask the sample-size planner (@loupe/stats) which model
 * pair is furthest from the plan's target interval width, and give its tasks one more rater (up
 * to the plan's maxOverlap). Serialized per study by an advisory lock so two requests do not both
 * raise it. Returns whether any target was raised; false means every pair that can still grow
 * meets the target, so the study is done.
 */
export async function extendUncertainPair(db: Db, studyId: string, config: PairwiseConfig): Promise<boolean> {
  if (config.plan.kind !== "adaptive") return false;
  const { maxOverlap, targetWidth } = config.plan;
  const firstAxis = config.axes[0]!.id;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"loupe.adaptive." + studyId}))`;
    // Re-check under the lock: another request may have just extended the pool.
    const open = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "StudyTask"
      WHERE "studyId" = ${studyId} AND NOT "isGold" AND "activeCount" < target`;
    if ((open[0]?.n ?? 0) > 0) return true;
    // Per pair: its judgments on the first question (undone ones and excluded raters' left out),
    // for pairs that still have a task below maxOverlap.
    const pairs = await tx.$queryRaw<(PairCounts & { open: number })[]>`
      WITH counted AS (
        SELECT oa."modelId" AS "modelA", ob."modelId" AS "modelB", t.target,
               j.answers ->> ${firstAxis} AS answer,
               -- The five-point scale's sign (a CASE, so text answers are never cast).
               CASE WHEN jsonb_typeof(j.answers -> ${firstAxis}) = 'number'
                    THEN sign((j.answers ->> ${firstAxis})::numeric) END AS sign
        FROM "StudyTask" t
        JOIN "Output" oa ON oa.id = t."outputAId"
        JOIN "Output" ob ON ob.id = t."outputBId"
        LEFT JOIN "Judgment" j ON j."taskId" = t.id
          AND NOT EXISTS (SELECT 1 FROM "JudgmentUndo" u WHERE u."judgmentId" = j.id)
          AND NOT EXISTS (SELECT 1 FROM "Rater" r WHERE r.id = j."raterId" AND r.excluded)
        WHERE t."studyId" = ${studyId} AND NOT t."isGold"
      )
      SELECT "modelA", "modelB",
             count(*) FILTER (WHERE answer = 'A' OR sign < 0)::int AS "aWins",
             count(*) FILTER (WHERE answer = 'B' OR sign > 0)::int AS "bWins",
             count(*) FILTER (WHERE answer = 'tie' OR sign = 0)::int AS ties,
             count(*) FILTER (WHERE answer = 'both_bad')::int AS "bothBad",
             count(*) FILTER (WHERE target < ${maxOverlap})::int AS open
      FROM counted GROUP BY "modelA", "modelB"`;
    const growable = pairs.filter((p) => p.open > 0);
    const key = nextPairToServe(growable, { kind: "interval-width", width: targetWidth });
    const pair = growable.find((p) => pairKey(p.modelA, p.modelB) === key);
    if (!pair) return false;
    const raised = await tx.$executeRaw`
      UPDATE "StudyTask" t SET target = t.target + 1
      FROM "Output" oa, "Output" ob
      WHERE t."studyId" = ${studyId} AND NOT t."isGold" AND t.target < ${maxOverlap}
        AND oa.id = t."outputAId" AND ob.id = t."outputBId"
        AND oa."modelId" = ${pair.modelA} AND ob."modelId" = ${pair.modelB}`;
    return raised > 0;
  });
}
