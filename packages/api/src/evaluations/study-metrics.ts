/**
 * The automatic metrics of a study beside its human ratings — what the Results tab's extra columns
 * show: the latest finished evaluation run over the study's outputs, and for every metric how well
 * it tracks the people who judged the study (rater-agreement.ts). The agreement is computed on
 * read, so it follows judgments that arrive after the run.
 */
import type { Db } from "@loupe/db";
import type { StudyResults } from "../results/types";
import { besideRaters, countedJudgments, type StudyMetric } from "./rater-agreement";
import type { EvaluationSummary } from "./summary";

export type { StudyMetric } from "./rater-agreement";

export async function studyMetrics(db: Db, studyId: string) {
  const run = await db.evaluationRun.findFirst({
    where: { scope: "study", scopeId: studyId, status: "done" },
    orderBy: { finishedAt: "desc" },
  });
  if (!run) return null;
  const summary = run.summary as unknown as EvaluationSummary;
  const stored = await db.studyResult.findUnique({ where: { studyId }, select: { data: true } });
  const axis = stored ? (stored.data as unknown as StudyResults).axes[0] : undefined;
  const rating = new Map((axis?.every.ratings.ratings ?? []).map((r) => [r.model, r.rating]));
  const judgments = axis ? await countedJudgments(db, [studyId]) : [];

  const metrics: StudyMetric[] = [];
  for (const metric of summary.metrics) {
    let judged = null;
    if (metric.granularity === "output" && axis) {
      const values = await db.metricValue.findMany({
        where: { runId: run.id, metric: metric.key, value: { not: null } },
        select: { outputId: true, value: true },
      });
      judged = {
        axisId: axis.axisId,
        judgments,
        valueOf: new Map(values.map((v) => [v.outputId, v.value!])),
      };
    }
    metrics.push(besideRaters(metric, rating, judged));
  }
  return {
    runId: run.id,
    finishedAt: run.finishedAt,
    axis: axis ? { id: axis.axisId, label: axis.label } : null,
    skipped: summary.skipped,
    metrics,
  };
}
