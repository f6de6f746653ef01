/**
 * Undo of the last judgment, for a few seconds after it was given (a mis-click). The judgment row
 * stays — judgments are append-only — and a JudgmentUndo row takes it back; the task returns to
 * the rater under a fresh lease with the previous answers filled in.
 */
import { TRPCError } from "@trpc/server";
import type { Db, Prisma, Rater } from "@loupe/db";

/** The rater's page offers undo for 10 s; the server allows a little more for slow networks. */
export const UNDO_WINDOW_SECONDS = 15;

export async function undoJudgment(
  db: Db,
  rater: Pick<Rater, "id">,
  /** The study's lease length: the task comes back under a fresh lease. */
  leaseSeconds: number,
  judgmentId: string,
) {
  return db.$transaction(async (tx) => {
    const judgment = await tx.judgment.findFirst({
      where: { id: judgmentId, raterId: rater.id },
      include: { undo: true },
    });
    if (!judgment) throw new TRPCError({ code: "NOT_FOUND", message: "No such judgment of yours." });
    if (judgment.undo)
      throw new TRPCError({ code: "CONFLICT", message: "That judgment was already undone." });
    if (Date.now() - judgment.createdAt.getTime() > UNDO_WINDOW_SECONDS * 1000)
      throw new TRPCError({ code: "CONFLICT", message: "Too late to undo that judgment." });
    await tx.judgmentUndo.create({ data: { judgmentId } });
    const assignment = await tx.assignment.update({
      where: { id: judgment.assignmentId },
      data: {
        status: "leased",
        completedAt: null,
        expiresAt: new Date(Date.now() + leaseSeconds * 1000),
      },
    });
    await tx.studyTask.update({ where: { id: judgment.taskId }, data: { judgmentCount: { decrement: 1 } } });
    const counter = await tx.rater.update({
      where: { id: rater.id },
      data: { judgmentCount: { decrement: 1 } },
      select: { judgmentCount: true },
    });
    return {
      lease: {
        assignmentId: assignment.id,
        taskId: assignment.taskId,
        swapped: assignment.swapped,
        expiresAt: assignment.expiresAt,
      },
      /** The undone judgment's answers as stored (the task's A/B orientation) and its sides. */
      previous: { answers: judgment.answers as Prisma.JsonObject, swapped: judgment.swapped },
      raterJudgments: counter.judgmentCount,
    };
  });
}
