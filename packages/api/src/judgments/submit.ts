/**
 * Submitting a judgment. Append-only and idempotent: the client sends a key per submission, and a
 * retried request (the network failed after the server committed) gets the first judgment back
 * instead of adding a second. The judgment, the assignment's completion and the task's count are
 * one transaction, committed before the response: an acknowledged judgment survives a crash.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db, Prisma, Rater } from "@loupe/db";
import { AnswerError, raterAnswersSchema, toStoredAnswers, type StoredAnswers } from "../assignments/answers";
import type { PairwiseConfig } from "../studies/config";

export const submitJudgmentInput = z.object({
  assignmentId: z.string().min(1).max(100),
  /** Unique per submission attempt, reused on retry (a UUID from the browser). */
  idempotencyKey: z.string().min(8).max(100),
  answers: raterAnswersSchema,
  /** How long the task was on screen before this submission, measured by the browser. */
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600 * 1000)
    .optional(),
});
export type SubmitJudgment = z.infer<typeof submitJudgmentInput>;

export type SubmitResult = {
  judgmentId: string;
  taskId: string;
  duplicate: boolean;
  /** The rater's judgments (not undone) after this submission. */
  raterJudgments: number;
};

type Outcome = Omit<SubmitResult, "raterJudgments"> | { error: TRPCError };

export async function submitJudgment(
  db: Db,
  rater: Pick<Rater, "id" | "studyId">,
  config: PairwiseConfig,
  input: SubmitJudgment,
): Promise<SubmitResult> {
  // Validate once (orientation does not change validity), then store in both orientations: the
  // statement picks the one that matches the assignment, so no read is needed first.
  let answersAsShown: StoredAnswers;
  let answersSwapped: StoredAnswers;
  try {
    answersAsShown = toStoredAnswers(config.axes, input.answers, false);
    answersSwapped = toStoredAnswers(config.axes, input.answers, true);
  } catch (err) {
    if (err instanceof AnswerError) throw new TRPCError({ code: "BAD_REQUEST", message: err.message });
    throw err;
  }

  return recordJudgment(db, rater, input, { asShown: answersAsShown, swapped: answersSwapped });
}

/** Answers already checked against the study, in both orientations (the same object twice when sides are not randomized). */
export type AnswersToStore = { asShown: Prisma.InputJsonObject; swapped: Prisma.InputJsonObject };

/**
 * Stores a judgment for the rater's leased assignment: append-only and idempotent, for any kind
 * of study (the answers are validated by the caller).
 */
export async function recordJudgment(
  db: Db,
  rater: Pick<Rater, "id" | "studyId">,
  input: Omit<SubmitJudgment, "answers">,
  answers: AnswersToStore,
): Promise<SubmitResult> {
  // The common case in one statement (one round trip): lock the live lease, insert the judgment
  // (ON CONFLICT: a retry of a committed submission inserts nothing), complete the assignment and
  // count it on the task and the rater. Anything unusual returns no row and takes the careful path.
  const stored = await db.$queryRaw<{ id: string; taskId: string; raterJudgments: number }[]>`
    WITH a AS (
      SELECT id, "taskId", swapped FROM "Assignment"
      WHERE id = ${input.assignmentId} AND "raterId" = ${rater.id} AND status = 'leased' AND "expiresAt" > now()
      FOR UPDATE
    ), j AS (
      INSERT INTO "Judgment" (id, "studyId", "taskId", "raterId", "assignmentId", "idempotencyKey", answers, swapped, "durationMs")
      SELECT gen_random_uuid()::text, ${rater.studyId}, a."taskId", ${rater.id}, a.id, ${input.idempotencyKey},
             CASE WHEN a.swapped THEN ${JSON.stringify(answers.swapped)}::jsonb ELSE ${JSON.stringify(answers.asShown)}::jsonb END,
             a.swapped, ${input.durationMs ?? null}::int
      FROM a
      ON CONFLICT ("raterId", "idempotencyKey") DO NOTHING
      RETURNING id, "taskId", "assignmentId"
    ), completed AS (
      UPDATE "Assignment" SET status = 'completed', "completedAt" = now() FROM j WHERE "Assignment".id = j."assignmentId"
    ), counted AS (
      UPDATE "StudyTask" SET "judgmentCount" = "StudyTask"."judgmentCount" + 1 FROM j WHERE "StudyTask".id = j."taskId"
    ), rater AS (
      UPDATE "Rater" SET "judgmentCount" = "Rater"."judgmentCount" + 1 FROM j WHERE "Rater".id = ${rater.id}
      RETURNING "Rater"."judgmentCount"
    )
    SELECT j.id, j."taskId", (SELECT "judgmentCount" FROM rater) AS "raterJudgments" FROM j`;
  if (stored[0])
    return {
      judgmentId: stored[0].id,
      taskId: stored[0].taskId,
      duplicate: false,
      raterJudgments: stored[0].raterJudgments,
    };
  return submitCarefully(db, rater, input, answers);
}

const raterJudgments = async (db: Db, raterId: string) =>
  (await db.rater.findUniqueOrThrow({ where: { id: raterId }, select: { judgmentCount: true } }))
    .judgmentCount;

/**
 * The same submission, step by step, for everything but the common case: a retry of a stored
 * judgment, an answered, skipped or expired task, or someone else's assignment — each with its
 * own clear answer.
 */
async function submitCarefully(
  db: Db,
  rater: Pick<Rater, "id" | "studyId">,
  input: Omit<SubmitJudgment, "answers">,
  /** The answers, already validated, in both orientations. */
  stored: AnswersToStore,
): Promise<SubmitResult> {
  const previous = await db.judgment.findUnique({
    where: { raterId_idempotencyKey: { raterId: rater.id, idempotencyKey: input.idempotencyKey } },
    select: { id: true, taskId: true },
  });
  if (previous)
    return {
      judgmentId: previous.id,
      taskId: previous.taskId,
      duplicate: true,
      raterJudgments: await raterJudgments(db, rater.id),
    };

  const outcome = await db.$transaction(async (tx): Promise<Outcome> => {
    const locked = await tx.$queryRaw<
      { id: string; taskId: string; status: string; swapped: boolean; expired: boolean }[]
    >`
      SELECT id, "taskId", status::text AS status, swapped, "expiresAt" < now() AS expired
      FROM "Assignment" WHERE id = ${input.assignmentId} AND "raterId" = ${rater.id}
      FOR UPDATE`;
    const assignment = locked[0];
    if (!assignment) return { error: new TRPCError({ code: "NOT_FOUND", message: "No such task for you." }) };
    // A concurrent retry of this very submission may have committed while we waited for the lock.
    const raced = await tx.judgment.findUnique({
      where: { raterId_idempotencyKey: { raterId: rater.id, idempotencyKey: input.idempotencyKey } },
      select: { id: true },
    });
    if (raced) return { judgmentId: raced.id, taskId: assignment.taskId, duplicate: true };
    if (assignment.status === "completed")
      return { error: new TRPCError({ code: "CONFLICT", message: "You already answered this task." }) };
    if (assignment.status !== "leased" || assignment.expired) {
      if (assignment.status === "leased") {
        // Expire it now (the sweep would): the slot goes back to the pool.
        await tx.assignment.update({ where: { id: assignment.id }, data: { status: "expired" } });
        await tx.studyTask.update({
          where: { id: assignment.taskId },
          data: { activeCount: { decrement: 1 } },
        });
      }
      return {
        error: new TRPCError({
          code: "CONFLICT",
          message: "This task's time ran out and it went back to the pool; your answer was not recorded.",
        }),
      };
    }
    const answers = assignment.swapped ? stored.swapped : stored.asShown;
    const judgment = await tx.judgment.create({
      data: {
        studyId: rater.studyId,
        taskId: assignment.taskId,
        raterId: rater.id,
        assignmentId: assignment.id,
        idempotencyKey: input.idempotencyKey,
        answers,
        swapped: assignment.swapped,
        durationMs: input.durationMs,
      },
      select: { id: true },
    });
    await tx.assignment.update({
      where: { id: assignment.id },
      data: { status: "completed", completedAt: new Date() },
    });
    await tx.studyTask.update({
      where: { id: assignment.taskId },
      data: { judgmentCount: { increment: 1 } },
    });
    return { judgmentId: judgment.id, taskId: assignment.taskId, duplicate: false };
  });
  if ("error" in outcome) throw outcome.error;
  return { ...outcome, raterJudgments: await raterJudgments(db, rater.id) };
}
