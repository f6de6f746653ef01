/**
 * Skipping a task, with a reason (e.g. "media does not load", "offensive", "cannot judge"). The
 * slot goes back to the pool for other raters; this rater is never served the task again.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db, Rater } from "@loupe/db";

export const SKIP_REASONS = ["cannot-judge", "media-broken", "offensive", "other"] as const;

export const skipTaskInput = z.object({
  assignmentId: z.string().min(1).max(100),
  reason: z.enum(SKIP_REASONS),
  note: z.string().trim().max(500).optional(),
});

export async function skipTask(db: Db, rater: Pick<Rater, "id">, input: z.infer<typeof skipTaskInput>) {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; taskId: string; status: string }[]>`
      SELECT id, "taskId", status::text AS status FROM "Assignment"
      WHERE id = ${input.assignmentId} AND "raterId" = ${rater.id} FOR UPDATE`;
    const assignment = locked[0];
    if (!assignment) throw new TRPCError({ code: "NOT_FOUND", message: "No such task for you." });
    if (assignment.status === "skipped") return { skipped: true };
    if (assignment.status !== "leased")
      throw new TRPCError({ code: "CONFLICT", message: "This task is no longer yours to skip." });
    await tx.assignment.update({
      where: { id: assignment.id },
      data: {
        status: "skipped",
        completedAt: new Date(),
        skipReason: input.note ? `${input.reason}: ${input.note}` : input.reason,
      },
    });
    await tx.studyTask.update({ where: { id: assignment.taskId }, data: { activeCount: { decrement: 1 } } });
    return { skipped: true };
  });
}
