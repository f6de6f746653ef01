/** REST routes for automatic metrics: evaluation runs and the study's metrics beside its raters (docs/api.md). */
import { TRPCError } from "@trpc/server";
import { cancelEvaluationRun, resumeEvaluationRun } from "../evaluations/control";
import { createEvaluationRun, createEvaluationRunInput } from "../evaluations/create-run";
import { listEvaluatorModels } from "../evaluations/evaluator-models";
import { getEvaluationRun, listEvaluationRuns } from "../evaluations/read";
import { studyMetrics } from "../evaluations/study-metrics";
import { json } from "./respond";
import { readJson, type Route } from "./route";

export const evaluationRoutes: Route[] = [
  {
    method: "GET",
    resource: "evaluator-models",
    role: "researcher",
    run: async ({ runtime }) =>
      json({
        models: (await listEvaluatorModels(runtime.db)).map((m) => ({
          name: m.name,
          kind: m.kind,
          createdAt: m.createdAt,
        })),
      }),
  },
  {
    method: "GET",
    resource: "evaluations",
    role: "researcher",
    run: async ({ runtime, caller }) =>
      json({ runs: await listEvaluationRuns(runtime.db, caller.project.id) }),
  },
  {
    method: "POST",
    resource: "evaluations",
    role: "researcher",
    run: async ({ runtime, caller, req }) =>
      json(
        await createEvaluationRun(
          runtime.db,
          caller.project.id,
          createEvaluationRunInput.parse(await readJson(req)),
          {
            apiKeyId: caller.apiKeyId,
          },
        ),
        201,
      ),
  },
  {
    method: "GET",
    resource: "evaluations/:id",
    role: "researcher",
    run: async ({ runtime, caller, id }) => json(await getEvaluationRun(runtime.db, caller.project.id, id)),
  },
  {
    method: "POST",
    resource: "evaluations/:id/cancel",
    role: "researcher",
    run: async ({ runtime, caller, id }) => {
      await cancelEvaluationRun(runtime.db, caller.project.id, id);
      return json({ cancelled: true });
    },
  },
  {
    method: "POST",
    resource: "evaluations/:id/resume",
    role: "researcher",
    run: async ({ runtime, caller, id }) =>
      json(await resumeEvaluationRun(runtime.db, caller.project.id, id)),
  },
  {
    method: "GET",
    resource: "studies/:id/metrics",
    role: "researcher",
    run: async ({ runtime, caller, id }) => {
      const study = await runtime.db.study.findFirst({
        where: { id, projectId: caller.project.id },
        select: { id: true },
      });
      if (!study) throw new TRPCError({ code: "NOT_FOUND", message: "No such study in this project." });
      return json({ metrics: await studyMetrics(runtime.db, study.id) });
    },
  },
];
