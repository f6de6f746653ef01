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
import { mostUncertainPair, type PairTally } from "./adaptive";
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
  opts: { gold: boolean; leaseSeconds: number },
): Promise<Lease | null> {
  const swapped = crypto.randomInt(2) === 1;
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
 * Adaptive plan: when the pool is empty, give the least certain model pair one more rater per
 * task (up to the plan's maxOverlap). Serialized per study by an advisory lock so two requests
 * do not both raise it. Returns whether any target was raised.
 */
export async function extendUncertainPair(db: Db, studyId: string, config: PairwiseConfig): Promise<boolean> {
  if (config.plan.kind !== "adaptive") return false;
  const maxOverlap = config.plan.maxOverlap;
  const firstAxis = config.axes[0]!.id;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"loupe.adaptive." + studyId}))`;
    // Re-check under the lock: another request may have just extended the pool.
    const open = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "StudyTask"
      WHERE "studyId" = ${studyId} AND NOT "isGold" AND "activeCount" < target`;
    if ((open[0]?.n ?? 0) > 0) return true;
    const tallies = await tx.$queryRaw<(PairTally & { open: number })[]>`
      SELECT oa."modelId" || '|' || ob."modelId" AS "pairKey",
             count(*) FILTER (WHERE j.answers ->> ${firstAxis} = 'A'
                              OR (jsonb_typeof(j.answers -> ${firstAxis}) = 'number' AND (j.answers ->> ${firstAxis})::int < 0))::int AS "aWins",
             count(*) FILTER (WHERE j.answers ->> ${firstAxis} = 'B'
                              OR (jsonb_typeof(j.answers -> ${firstAxis}) = 'number' AND (j.answers ->> ${firstAxis})::int > 0))::int AS "bWins",
             (SELECT count(*)::int FROM "StudyTask" t2 JOIN "Output" a2 ON a2.id = t2."outputAId" JOIN "Output" b2 ON b2.id = t2."outputBId"
               WHERE t2."studyId" = ${studyId} AND NOT t2."isGold" AND t2.target < ${maxOverlap}
                 AND a2."modelId" = oa."modelId" AND b2."modelId" = ob."modelId") AS open
      FROM "StudyTask" t
      JOIN "Output" oa ON oa.id = t."outputAId"
      JOIN "Output" ob ON ob.id = t."outputBId"
      LEFT JOIN "Judgment" j ON j."taskId" = t.id
        AND NOT EXISTS (SELECT 1 FROM "JudgmentUndo" u WHERE u."judgmentId" = j.id)
        AND NOT EXISTS (SELECT 1 FROM "Rater" r WHERE r.id = j."raterId" AND r.excluded)
      WHERE t."studyId" = ${studyId} AND NOT t."isGold"
      GROUP BY oa."modelId", ob."modelId"`;
    const pairKey = mostUncertainPair(tallies.filter((t) => t.open > 0));
    if (!pairKey) return false;
    const [modelA, modelB] = pairKey.split("|");
    const raised = await tx.$executeRaw`
      UPDATE "StudyTask" t SET target = t.target + 1
      FROM "Output" oa, "Output" ob
      WHERE t."studyId" = ${studyId} AND NOT t."isGold" AND t.target < ${maxOverlap}
        AND oa.id = t."outputAId" AND ob.id = t."outputBId"
        AND oa."modelId" = ${modelA} AND ob."modelId" = ${modelB}`;
    return raised > 0;
  });
}
