/**
 * Asking for a dataset export: the request is checked (its studies, question and reward run) and
 * recorded as a new version of the named export, ready for `buildDatasetExport`.
 */
import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { isUniqueViolation, type Db, type Prisma } from "@loupe/db";
import { pairwiseConfigOf } from "../studies/service";
import { exportConfig, type ExportConfig, type ExportConfigInput } from "./export-config";

/** The stored config: the request's, with its axis and rater salt fixed. */
export type StoredConfig = ExportConfig & { axisId: string; raterSalt: string };

export async function createDatasetExport(
  db: Db,
  projectId: string,
  input: ExportConfigInput,
  actor: { userId?: string } = {},
): Promise<{ id: string; name: string; version: number }> {
  const parsed = exportConfig.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`,
    });
  }
  const config = parsed.data;
  const studies = await db.study.findMany({ where: { projectId, id: { in: config.studyIds } } });
  const missing = config.studyIds.filter((id) => !studies.some((s) => s.id === id));
  if (missing.length)
    throw new TRPCError({ code: "NOT_FOUND", message: `No study ${missing.join(", ")} in this project.` });
  const axes = studies.map((s) => pairwiseConfigOf(s).axes);
  const axisId = config.axisId ?? axes[0]![0]!.id;
  const lacking = studies.filter((_, i) => !axes[i]!.some((a) => a.id === axisId));
  if (lacking.length)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The question "${axisId}" is not in ${lacking.map((s) => `"${s.name}"`).join(", ")}.`,
    });
  if (config.reward) {
    const run = await db.evaluationRun.findFirst({ where: { id: config.reward.runId, projectId } });
    if (!run)
      throw new TRPCError({
        code: "NOT_FOUND",
        message: `No evaluation run ${config.reward.runId} in this project.`,
      });
    if (run.status !== "done")
      throw new TRPCError({ code: "BAD_REQUEST", message: `The evaluation run is ${run.status}, not done.` });
    const values = await db.metricValue.count({
      where: { runId: run.id, metric: config.reward.metric, value: { not: null } },
    });
    if (values === 0)
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `The evaluation run has no "${config.reward.metric}" values.`,
      });
  }
  const judgments = await db.judgment.count({ where: { studyId: { in: config.studyIds }, undo: null } });
  if (judgments === 0)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "The studies have no judgments yet: nothing to export.",
    });

  const stored: StoredConfig = {
    ...config,
    axisId,
    raterSalt: config.raterSalt ?? crypto.randomBytes(24).toString("hex"),
  };
  for (let attempt = 0; ; attempt++) {
    const last = await db.datasetExport.aggregate({
      where: { projectId, name: config.name },
      _max: { version: true },
    });
    try {
      const row = await db.datasetExport.create({
        data: {
          projectId,
          name: config.name,
          version: (last._max.version ?? 0) + 1,
          format: config.format,
          config: stored as unknown as Prisma.InputJsonObject,
          createdById: actor.userId ?? null,
        },
      });
      return { id: row.id, name: row.name, version: row.version };
    } catch (err) {
      // Another export of the same name took this version at the same moment: take the next.
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}
