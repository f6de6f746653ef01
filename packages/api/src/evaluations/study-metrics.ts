/**
 * The automatic metrics of a study beside its human ratings — what the leaderboard's extra columns
 * show: the latest finished evaluation run over the study's outputs, and for every metric how well
 * it tracks the people who judged the study: rank correlation with the models' ratings (Spearman,
 * Kendall) and per-pair agreement with the decisive judgments (../stats metrics/human-agreement).
 * The agreement is computed on read, so it follows judgments that arrive after the run.
 */
import type { Db } from "@loupe/db";
import {
  pairAgreement,
  rankAgreement,
  type JudgedPair,
  type PairAgreement,
  type RankAgreement,
} from "@loupe/stats";
import type { StoredAnswers } from "../assignments/answers";
import { outcomeOf } from "../results/compute";
import type { StudyResults } from "../results/types";
import type { EvaluationSummary, MetricSummary } from "./summary";

export interface StudyMetric extends MetricSummary {
  rank: RankAgreement | null;
  pairs: PairAgreement | null;
}

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
  const judgments = await db.$queryRaw<{ outputAId: string; outputBId: string; answers: StoredAnswers }[]>`
    SELECT t."outputAId", t."outputBId", j.answers
    FROM "Judgment" j
    JOIN "Rater" r ON r.id = j."raterId"
    JOIN "StudyTask" t ON t.id = j."taskId"
    WHERE j."studyId" = ${studyId} AND NOT r.excluded AND NOT t."isGold"
      AND NOT EXISTS (SELECT 1 FROM "JudgmentUndo" u WHERE u."judgmentId" = j.id)`;
  const axisId = axis?.axisId;

  const metrics: StudyMetric[] = [];
  for (const metric of summary.metrics) {
    const rated = metric.perModel.filter((m) => rating.has(m.modelName));
    const rank =
      rated.length >= 2
        ? rankAgreement(
            rated.map((m) => m.value),
            rated.map((m) => rating.get(m.modelName)!),
            metric.higherIsBetter,
          )
        : null;
    let pairs: PairAgreement | null = null;
    if (metric.granularity === "output" && axisId) {
      const values = await db.metricValue.findMany({
        where: { runId: run.id, metric: metric.key, value: { not: null } },
        select: { outputId: true, value: true },
      });
      const valueOf = new Map(values.map((v) => [v.outputId, v.value!]));
      const judged: JudgedPair[] = judgments.map((j) => {
        const outcome = outcomeOf(j.answers[axisId]);
        return {
          preferred: outcome === "A" ? "a" : outcome === "B" ? "b" : "tie",
          a: valueOf.get(j.outputAId),
          b: valueOf.get(j.outputBId),
        };
      });
      pairs = pairAgreement(judged, metric.higherIsBetter);
    }
    metrics.push({ ...metric, rank, pairs });
  }
  return {
    runId: run.id,
    finishedAt: run.finishedAt,
    axis: axis ? { id: axis.axisId, label: axis.label } : null,
    skipped: summary.skipped,
    metrics,
  };
}
