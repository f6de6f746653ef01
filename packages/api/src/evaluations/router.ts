import { z } from "zod";
import { METRICS } from "@loupe/evaluators";
import { projectProcedure, router } from "../trpc";
import { cancelEvaluationRun, resumeEvaluationRun } from "./control";
import { createEvaluationRun, createEvaluationRunInput } from "./create-run";
import { listEvaluatorModels } from "./evaluator-models";
import { getEvaluationRun, listEvaluationRuns } from "./read";
import { studyMetrics } from "./study-metrics";

const runInput = z.object({ runId: z.string().min(1) });

export const evaluationsRouter = router({
  /** Every metric Loupe computes: what it needs, which way is better, its definition and source. */
  metrics: projectProcedure("researcher").query(() => Object.values(METRICS)),
  /** The registered evaluator models (instance-wide; registered with `loupe models add`). */
  models: projectProcedure("researcher").query(async ({ ctx }) =>
    (await listEvaluatorModels(ctx.db)).map((m) => ({ name: m.name, kind: m.kind, createdAt: m.createdAt })),
  ),
  list: projectProcedure("researcher")
    .input(z.object({ scope: z.string().optional(), scopeId: z.string().optional() }).default({}))
    .query(({ ctx, input }) => listEvaluationRuns(ctx.db, ctx.project.id, input)),
  get: projectProcedure("researcher")
    .input(runInput)
    .query(({ ctx, input }) => getEvaluationRun(ctx.db, ctx.project.id, input.runId)),
  create: projectProcedure("researcher")
    .input(createEvaluationRunInput)
    .mutation(({ ctx, input }) =>
      createEvaluationRun(ctx.db, ctx.project.id, input, { userId: ctx.user.id }),
    ),
  cancel: projectProcedure("researcher")
    .input(runInput)
    .mutation(({ ctx, input }) => cancelEvaluationRun(ctx.db, ctx.project.id, input.runId)),
  resume: projectProcedure("researcher")
    .input(runInput)
    .mutation(({ ctx, input }) => resumeEvaluationRun(ctx.db, ctx.project.id, input.runId)),
  /** The study's metrics beside its ratings, with metric–human agreement. */
  forStudy: projectProcedure("researcher")
    .input(z.object({ studyId: z.string().min(1) }))
    .query(async ({ ctx, input }) => {
      const study = await ctx.db.study.findFirst({
        where: { id: input.studyId, projectId: ctx.project.id },
        select: { id: true },
      });
      return study ? studyMetrics(ctx.db, study.id) : null;
    }),
});
