/**
 * Studies as researchers see them: create from a template, read, edit while a draft, and change
 * status (launching lives in ./launch.ts).
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db, Prisma, StudyStatus } from "@loupe/db";
import { writeAudit } from "../audit/log";
import { assertSafetyConfig } from "../safety/study-config";
import { currentPolicy } from "../safety/taxonomy";
import { pairwiseConfigSchema, studyConfigSchema, type PairwiseConfig } from "./config";

export const createStudyInput = z.object({
  name: z.string().trim().min(1).max(200),
  config: studyConfigSchema,
});

export async function listStudies(db: Db, projectId: string) {
  const rows = await db.study.findMany({ where: { projectId }, orderBy: { createdAt: "desc" } });
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    status: s.status,
    createdAt: s.createdAt,
  }));
}

/** Checks that the models and prompt sets a config names belong to the project. */
async function assertConfigRefs(db: Db, projectId: string, config: z.output<typeof studyConfigSchema>) {
  const [models, sets] = await Promise.all([
    db.genModel.count({ where: { projectId, id: { in: config.modelIds } } }),
    db.promptSet.count({ where: { projectId, id: { in: config.promptSetIds } } }),
  ]);
  if (models !== new Set(config.modelIds).size)
    throw new TRPCError({ code: "BAD_REQUEST", message: "config.modelIds: a model is not in this project" });
  if (sets !== new Set(config.promptSetIds).size)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "config.promptSetIds: a prompt set is not in this project",
    });
  if (config.kind === "safety") await assertSafetyConfig(db, projectId, config);
  if (config.kind === "pairwise" && config.plan.kind === "baseline" && config.modelIds.length > 0) {
    if (!config.modelIds.includes(config.plan.baselineModelId))
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "config.plan.baselineModelId: the baseline must be one of the study's models",
      });
  }
}

export async function createStudy(
  db: Db,
  actorUserId: string | null,
  projectId: string,
  input: z.input<typeof createStudyInput>,
) {
  const data = createStudyInput.parse(input);
  // A safety study records the policy version it is created under (the newest by default).
  if (data.config.kind === "safety" && data.config.policyVersion === null)
    data.config.policyVersion = (await currentPolicy(db, projectId)).version;
  await assertConfigRefs(db, projectId, data.config);
  const study = await db.study.create({
    data: {
      projectId,
      name: data.name,
      kind: data.config.kind,
      config: data.config as Prisma.InputJsonObject,
      createdById: actorUserId,
    },
  });
  await writeAudit(db, {
    projectId,
    actorUserId,
    action: "study.create",
    targetType: "study",
    targetId: study.id,
  });
  return { id: study.id, name: study.name, kind: study.kind, status: study.status };
}

/** The study, in the project; NOT_FOUND otherwise (same answer for another project's study). */
export async function findStudy(db: Db, projectId: string, studyId: string) {
  const study = await db.study.findFirst({ where: { id: studyId, projectId } });
  if (!study) throw new TRPCError({ code: "NOT_FOUND", message: "Study not found." });
  return study;
}

export function pairwiseConfigOf(study: { kind: string; config: Prisma.JsonValue }): PairwiseConfig {
  if (study.kind !== "pairwise")
    throw new TRPCError({ code: "BAD_REQUEST", message: "This is not a pairwise study." });
  return pairwiseConfigSchema.parse(study.config);
}

export async function getStudy(db: Db, projectId: string, studyId: string) {
  const study = await findStudy(db, projectId, studyId);
  const config = studyConfigSchema.parse(study.config);
  const [models, promptSets, taskCounts] = await Promise.all([
    db.genModel.findMany({ where: { id: { in: config.modelIds } }, select: { id: true, name: true } }),
    db.promptSet.findMany({ where: { id: { in: config.promptSetIds } }, select: { id: true, name: true } }),
    db.studyTask.groupBy({ by: ["isGold"], where: { studyId }, _count: true, _sum: { judgmentCount: true } }),
  ]);
  const regular = taskCounts.find((t) => !t.isGold);
  const gold = taskCounts.find((t) => t.isGold);
  return {
    id: study.id,
    name: study.name,
    kind: study.kind,
    status: study.status,
    createdAt: study.createdAt,
    config,
    models,
    promptSets,
    tasks: regular?._count ?? 0,
    goldTasks: gold?._count ?? 0,
    judgments: (regular?._sum.judgmentCount ?? 0) + (gold?._sum.judgmentCount ?? 0),
  };
}

export const updateStudyInput = z.object({
  studyId: z.string(),
  name: z.string().trim().min(1).max(200).optional(),
  config: studyConfigSchema.optional(),
});

/**
 * Edits a study. The name and instructions can change at any time; the rest of the config only
 * while it is a draft, because tasks and judgments were made under it.
 */
export async function updateStudy(
  db: Db,
  actorUserId: string | null,
  projectId: string,
  input: z.input<typeof updateStudyInput>,
) {
  const data = updateStudyInput.parse(input);
  const study = await findStudy(db, projectId, data.studyId);
  let config = data.config;
  if (config?.kind === "safety" && config.policyVersion === null)
    config.policyVersion = (await currentPolicy(db, projectId)).version;
  if (config) {
    if (config.kind !== study.kind)
      throw new TRPCError({ code: "BAD_REQUEST", message: "A study's kind cannot change." });
    if (study.status !== "draft") {
      const current = studyConfigSchema.parse(study.config);
      config = { ...current, instructions: config.instructions };
      if (JSON.stringify(data.config) !== JSON.stringify(config)) {
        // Logged: e.g. an attempt to move a running safety study to a newer policy version.
        await writeAudit(db, {
          projectId,
          actorUserId,
          action: "study.update.refused",
          targetType: "study",
          targetId: study.id,
          data: { status: study.status, reason: "config change after launch" },
        });
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "Only the name and instructions can change once a study is launched.",
        });
      }
    }
    await assertConfigRefs(db, projectId, config);
  }
  await db.study.update({
    where: { id: study.id },
    data: { name: data.name, config: config as Prisma.InputJsonObject | undefined },
  });
  await writeAudit(db, {
    projectId,
    actorUserId,
    action: "study.update",
    targetType: "study",
    targetId: study.id,
  });
  return getStudy(db, projectId, study.id);
}

const STATUS_MOVES: Record<StudyStatus, StudyStatus[]> = {
  draft: ["archived"],
  active: ["paused", "completed"],
  paused: ["active", "completed"],
  completed: ["active", "archived"],
  archived: [],
};

/** Pause, resume, complete or archive. Raters are only served tasks while a study is active. */
export async function setStudyStatus(
  db: Db,
  actorUserId: string | null,
  projectId: string,
  studyId: string,
  status: StudyStatus,
) {
  const study = await findStudy(db, projectId, studyId);
  if (!STATUS_MOVES[study.status].includes(status)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message:
        study.status === "draft" && status === "active"
          ? "Launch the study to start it."
          : `A ${study.status} study cannot become ${status}.`,
    });
  }
  await db.study.update({ where: { id: studyId }, data: { status } });
  await writeAudit(db, {
    projectId,
    actorUserId,
    action: `study.${status}`,
    targetType: "study",
    targetId: studyId,
    data: { from: study.status },
  });
  return { id: studyId, status };
}
