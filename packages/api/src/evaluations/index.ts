export { createEvaluationRun, type CreateEvaluationRun } from "./create-run";
export { runEvaluationChunk } from "./run-chunk";
export { summarizeEvaluation } from "./summarize";
export { cancelEvaluationRun, resumeEvaluationRun } from "./control";
export { getEvaluationRun, listEvaluationRuns } from "./read";
export { studyMetrics } from "./study-metrics";
export {
  listEvaluatorModels,
  registerEvaluatorModel,
  removeEvaluatorModel,
  type RegisterEvaluatorModel,
} from "./evaluator-models";
export type { EvaluationSummary, MetricSummary } from "./summary";
