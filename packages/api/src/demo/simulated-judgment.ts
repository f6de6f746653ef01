/**
 * One completed assignment and its judgment, as the demo seed writes them for simulated raters
 * and reviewers: both rows carry the same time, and the idempotency key is the assignment's id.
 */
import crypto from "node:crypto";
import type { Prisma } from "@loupe/db";

export function simulatedJudgment(input: {
  studyId: string;
  taskId: string;
  raterId: string;
  swapped: boolean;
  answers: Prisma.InputJsonObject;
  at: Date;
  durationMs: number;
}): { assignment: Prisma.AssignmentCreateManyInput; judgment: Prisma.JudgmentCreateManyInput } {
  const { studyId, taskId, raterId, swapped, answers, at, durationMs } = input;
  const assignmentId = crypto.randomUUID();
  return {
    assignment: {
      id: assignmentId,
      studyId,
      taskId,
      raterId,
      swapped,
      status: "completed",
      leasedAt: at,
      expiresAt: at,
      completedAt: at,
    },
    judgment: {
      studyId,
      taskId,
      raterId,
      assignmentId,
      idempotencyKey: assignmentId,
      answers,
      swapped,
      durationMs,
      createdAt: at,
    },
  };
}
