/**
 * A launched study's tasks as researchers see them (with model names), and gold items: a task
 * with expected answers, mixed into raters' queues at the study's gold ratio to measure accuracy.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { Prisma, type Db } from "@loupe/db";
import { GOLD_TARGET } from "../assignments/engine";
import { writeAudit } from "../audit/log";
import { thumbnailUrl } from "../media-urls";
import type { Runtime } from "../runtime";
import { findStudy, pairwiseConfigOf } from "./service";
import { requestResultsRefreshQuietly } from "../results/refresh-requests";

export async function listStudyTasks(
  runtime: Runtime,
  projectId: string,
  studyId: string,
  page: { skip: number; take: number; gold?: boolean },
) {
  const { db } = runtime;
  await findStudy(db, projectId, studyId);
  const where = { studyId, ...(page.gold === undefined ? {} : { isGold: page.gold }) };
  const output = { select: { seed: true, model: { select: { name: true } }, asset: true } } as const;
  const [total, rows] = await Promise.all([
    db.studyTask.count({ where }),
    db.studyTask.findMany({
      where,
      orderBy: [{ isGold: "desc" }, { prompt: { position: "asc" } }, { createdAt: "asc" }],
      skip: page.skip,
      take: page.take,
      include: { prompt: { select: { text: true, externalId: true } }, outputA: output, outputB: output },
    }),
  ]);
  return {
    total,
    tasks: rows.map((t) => ({
      id: t.id,
      prompt: t.prompt.text,
      promptId: t.prompt.externalId,
      modelA: t.outputA.model.name,
      modelB: t.outputB?.model.name ?? null,
      thumbnailA: thumbnailUrl(runtime, t.outputA.asset),
      thumbnailB: t.outputB ? thumbnailUrl(runtime, t.outputB.asset) : null,
      isGold: t.isGold,
      goldAnswers: t.goldAnswers as Record<string, string | number> | null,
      target: t.isGold ? null : t.target,
      judgments: t.judgmentCount,
    })),
  };
}

export const setGoldInput = z.object({
  studyId: z.string(),
  taskId: z.string(),
  /** Expected answers per axis in A/B orientation, or null to make it a regular task again. */
  answers: z
    .record(z.string(), z.union([z.enum(["A", "B", "tie", "both_bad"]), z.number().int().min(-2).max(2)]))
    .nullable(),
});

export async function setGoldTask(
  db: Db,
  actorUserId: string | null,
  projectId: string,
  input: z.infer<typeof setGoldInput>,
) {
  const study = await findStudy(db, projectId, input.studyId);
  const config = pairwiseConfigOf(study);
  const task = await db.studyTask.findFirst({ where: { id: input.taskId, studyId: study.id } });
  if (!task) throw new TRPCError({ code: "NOT_FOUND", message: "Task not found." });
  if (input.answers) {
    const entries = Object.entries(input.answers);
    if (entries.length === 0)
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "A gold item needs at least one expected answer.",
      });
    for (const [axisId, answer] of entries) {
      const axis = config.axes.find((a) => a.id === axisId);
      if (!axis) throw new TRPCError({ code: "BAD_REQUEST", message: `unknown question "${axisId}"` });
      if ((axis.scale === "five-point") !== (typeof answer === "number"))
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `"${axisId}" takes ${axis.scale === "five-point" ? "-2…2" : "A, B, tie or both_bad"}`,
        });
    }
  }
  await db.studyTask.update({
    where: { id: task.id },
    data: input.answers
      ? { isGold: true, goldAnswers: input.answers as Prisma.InputJsonObject, target: GOLD_TARGET }
      : { isGold: false, goldAnswers: Prisma.DbNull, target: config.overlap },
  });
  await writeAudit(db, {
    projectId,
    actorUserId,
    action: input.answers ? "study.gold.set" : "study.gold.unset",
    targetType: "studyTask",
    targetId: task.id,
    data: { studyId: study.id },
  });
  requestResultsRefreshQuietly(db, study.id);
  return { id: task.id, isGold: input.answers !== null };
}
