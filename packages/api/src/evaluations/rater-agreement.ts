/**
 * How well an automatic metric tracks the people who judged the same outputs: rank correlation
 * between the metric's per-model values and the models' Bradley–Terry ratings (Spearman, Kendall),
 * and per-pair agreement with the decisive judgments (../stats metrics/human-agreement). Shared by
 * a study's Results tab and the project's pooled leaderboard.
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
import type { MetricSummary } from "./summary";

export interface StudyMetric extends MetricSummary {
  rank: RankAgreement | null;
  pairs: PairAgreement | null;
}

export type CountedJudgment = { outputAId: string; outputBId: string; answers: StoredAnswers };

/** The judgments results count (no excluded rater, no gold task, not undone) of these studies. */
export async function countedJudgments(db: Db, studyIds: string[]): Promise<CountedJudgment[]> {
  if (studyIds.length === 0) return [];
  return db.$queryRaw<CountedJudgment[]>`
    SELECT t."outputAId", t."outputBId", j.answers
    FROM "Judgment" j
    JOIN "Rater" r ON r.id = j."raterId"
    JOIN "StudyTask" t ON t.id = j."taskId"
    WHERE j."studyId" = ANY(${studyIds}) AND NOT r.excluded AND NOT t."isGold"
      AND NOT EXISTS (SELECT 1 FROM "JudgmentUndo" u WHERE u."judgmentId" = j.id)`;
}

/**
 * A metric with its agreement: rank correlation over the rated models (two or more), and — for
 * per-output metrics, given their values by output — agreement with each decisive judgment on
 * the question `axisId`.
 */
export function besideRaters(
  metric: MetricSummary,
  rating: ReadonlyMap<string, number>,
  judged: {
    axisId: string;
    judgments: readonly CountedJudgment[];
    valueOf: ReadonlyMap<string, number>;
  } | null,
): StudyMetric {
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
  if (metric.granularity === "output" && judged) {
    const { axisId, judgments, valueOf } = judged;
    const rows: JudgedPair[] = judgments.map((j) => {
      const outcome = outcomeOf(j.answers[axisId]);
      return {
        preferred: outcome === "A" ? "a" : outcome === "B" ? "b" : "tie",
        a: valueOf.get(j.outputAId),
        b: valueOf.get(j.outputBId),
      };
    });
    pairs = pairAgreement(rows, metric.higherIsBetter);
  }
  return { ...metric, rank, pairs };
}
