/**
 * The outputs an evaluation run scores: those compared in a study, made for a prompt set's prompts,
 * or made by a generation job — in a fixed order (by id), so chunks are deterministic.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "@loupe/db";

export const evaluationScope = z.object({
  scope: z.enum(["study", "prompt-set", "generation-job"]),
  scopeId: z.string().min(1),
});
export type EvaluationScope = z.infer<typeof evaluationScope>;

export async function outputsInScope(db: Db, projectId: string, target: EvaluationScope): Promise<string[]> {
  const notFound = () =>
    new TRPCError({
      code: "NOT_FOUND",
      message: `No ${target.scope.replace("-", " ")} "${target.scopeId}" in this project.`,
    });
  if (target.scope === "study") {
    const study = await db.study.findFirst({
      where: { id: target.scopeId, projectId },
      select: { id: true },
    });
    if (!study) throw notFound();
    const tasks = await db.studyTask.findMany({
      where: { studyId: study.id },
      select: { outputAId: true, outputBId: true },
    });
    return [
      ...new Set(tasks.flatMap((t) => (t.outputBId ? [t.outputAId, t.outputBId] : [t.outputAId]))),
    ].sort();
  }
  if (target.scope === "prompt-set") {
    const set = await db.promptSet.findFirst({
      where: { id: target.scopeId, projectId },
      select: { id: true },
    });
    if (!set) throw notFound();
    const rows = await db.output.findMany({
      where: { prompt: { promptSetId: set.id } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    return rows.map((r) => r.id);
  }
  const job = await db.generationJob.findFirst({
    where: { id: target.scopeId, projectId },
    select: { id: true },
  });
  if (!job) throw notFound();
  const rows = await db.output.findMany({
    where: { generationJobId: job.id },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}
