/**
 * Launching a pairwise study: turn its comparison plan into tasks and make it active, in one
 * transaction, so a study is either a draft without tasks or active with all of them.
 */
import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { Db } from "@loupe/db";
import { writeAudit } from "../audit/log";
import { launchSafetyStudy } from "../safety/launch";
import { safetyConfigOf } from "../safety/study-config";
import { planComparisons } from "./plan";
import { findStudy, pairwiseConfigOf } from "./service";

/** A task's sortKey: random, so equally loaded tasks are served in a shuffled order. */
const randomSortKey = () => crypto.randomInt(0, 2 ** 31 - 1);

export type LaunchReport = {
  tasks: number;
  prompts: number;
  /** (prompt, model) cells without an output: those comparisons were left out. */
  missing: number;
  missingExamples: { prompt: string; model: string }[];
  /** Safety studies: items with a pre-screening score. */
  prescreened?: number;
};

export async function launchStudy(
  db: Db,
  actorUserId: string | null,
  projectId: string,
  studyId: string,
): Promise<LaunchReport> {
  const study = await findStudy(db, projectId, studyId);
  if (study.kind === "safety") {
    const report = await launchSafetyStudy(db, actorUserId, study, safetyConfigOf(study));
    return { ...report, missing: 0, missingExamples: [] };
  }
  const config = pairwiseConfigOf(study);
  if (study.status !== "draft")
    throw new TRPCError({ code: "BAD_REQUEST", message: `The study is already ${study.status}.` });
  if (config.modelIds.length < 2)
    throw new TRPCError({ code: "BAD_REQUEST", message: "Choose at least two models to compare." });
  if (config.promptSetIds.length === 0)
    throw new TRPCError({ code: "BAD_REQUEST", message: "Choose at least one prompt set." });

  const prompts = await db.prompt.findMany({
    where: { promptSetId: { in: config.promptSetIds } },
    orderBy: [{ promptSetId: "asc" }, { position: "asc" }],
    select: { id: true, text: true },
  });
  const outputs = await db.output.findMany({
    where: { projectId, modelId: { in: config.modelIds }, promptId: { in: prompts.map((p) => p.id) } },
    select: { id: true, modelId: true, promptId: true, seed: true },
  });
  const { comparisons, missing } = planComparisons({
    plan: config.plan,
    modelIds: config.modelIds,
    promptIds: prompts.map((p) => p.id),
    outputs,
  });
  if (comparisons.length === 0)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "No prompt has outputs from two of the chosen models, so there is nothing to compare.",
    });

  await db.$transaction(
    async (tx) => {
      // Re-checked under a row lock: two launches at once create the tasks once.
      const locked = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text FROM "Study" WHERE id = ${studyId} FOR UPDATE`;
      if (locked[0]?.status !== "draft")
        throw new TRPCError({ code: "BAD_REQUEST", message: "The study was launched already." });
      // One statement over arrays: a study of 2,000 prompts × 8 models is 56,000 tasks, which
      // row-by-row inserts would not finish inside a transaction's time limit.
      await tx.$executeRaw`
      INSERT INTO "StudyTask" (id, "studyId", "promptId", "outputAId", "outputBId", target, "sortKey")
      SELECT gen_random_uuid()::text, ${studyId}, c."promptId", c."outputAId", c."outputBId", ${config.overlap}, c."sortKey"
      FROM unnest(${comparisons.map((c) => c.promptId)}::text[], ${comparisons.map((c) => c.outputAId)}::text[],
                  ${comparisons.map((c) => c.outputBId)}::text[], ${comparisons.map(() => randomSortKey())}::int[])
           AS c("promptId", "outputAId", "outputBId", "sortKey")`;
      await tx.study.update({ where: { id: studyId }, data: { status: "active" } });
      await writeAudit(tx, {
        projectId,
        actorUserId,
        action: "study.launch",
        targetType: "study",
        targetId: studyId,
        data: { tasks: comparisons.length, missing: missing.length },
      });
    },
    { timeout: 120_000 },
  );

  const promptText = new Map(prompts.map((p) => [p.id, p.text]));
  const modelNames = new Map(
    (await db.genModel.findMany({ where: { id: { in: config.modelIds } } })).map((m) => [m.id, m.name]),
  );
  return {
    tasks: comparisons.length,
    prompts: new Set(comparisons.map((c) => c.promptId)).size,
    missing: missing.length,
    missingExamples: missing.slice(0, 20).map((m) => ({
      prompt: promptText.get(m.promptId) ?? m.promptId,
      model: modelNames.get(m.modelId) ?? m.modelId,
    })),
  };
}
