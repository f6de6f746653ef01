/**
 * Automatic metrics for the project's pooled leaderboard: the latest finished evaluation of each
 * pooled study, per-output values pooled across those studies (an output compared in two studies
 * counts once, with its latest value), each model's mean with a 95% bootstrap interval over
 * prompts, and how well each metric tracks the pooled ratings and every pooled judgment.
 *
 * FID and KID are distances between whole sets: one study's value cannot be added to another's,
 * so they are pooled only when a single study is on the board (each study's own are on its Results
 * tab), and the reply says so.
 */
import type { Db } from "@loupe/db";
import { meanWithInterval, seedForKey } from "@loupe/stats";
import { besideRaters, countedJudgments, type StudyMetric } from "./rater-agreement";
import { outputsInScope } from "./scope";
import type { EvaluationSummary, MetricSummary, ModelMetricValue } from "./summary";

const SEED = 20261130;

export interface LeaderboardMetrics {
  /** The evaluation runs the values come from, one per study that has one. */
  runs: { id: string; studyId: string; finishedAt: Date | null }[];
  metrics: StudyMetric[];
  /** Set metrics (FID, KID) left out because they cannot be pooled across studies. */
  unpooled: string[];
}

export async function leaderboardMetrics(
  db: Db,
  projectId: string,
  board: { studyIds: string[]; axisId: string; rating: ReadonlyMap<string, number> },
): Promise<LeaderboardMetrics> {
  const done = await db.evaluationRun.findMany({
    where: { projectId, scope: "study", scopeId: { in: board.studyIds }, status: "done" },
    orderBy: [{ finishedAt: "desc" }, { id: "asc" }],
    select: { id: true, scopeId: true, finishedAt: true, summary: true },
  });
  const latest = board.studyIds.flatMap((id) => done.find((r) => r.scopeId === id) ?? []);
  if (latest.length === 0) return { runs: [], metrics: [], unpooled: [] };

  // Each key's description from the most recent run that has it; set metrics only from one study.
  const described = new Map<string, MetricSummary>();
  const unpooled = new Set<string>();
  for (const run of latest) {
    for (const m of (run.summary as unknown as EvaluationSummary).metrics) {
      if (m.granularity === "set" && latest.length > 1) unpooled.add(m.key);
      else if (!described.has(m.key)) described.set(m.key, m);
    }
  }

  // The studies' own outputs (not FID/KID reference sets scored alongside).
  const contestants = new Set(
    (
      await Promise.all(
        board.studyIds.map((id) => outputsInScope(db, projectId, { scope: "study", scopeId: id })),
      )
    ).flat(),
  );
  const runOrder = new Map(latest.map((r, i) => [r.id, i]));
  const rows = await db.metricValue.findMany({
    where: { runId: { in: latest.map((r) => r.id) }, metric: { in: [...described.keys()] } },
    select: {
      runId: true,
      metric: true,
      outputId: true,
      value: true,
      output: { select: { promptId: true, modelId: true, model: { select: { name: true } } } },
    },
  });
  // Latest run first, so the first value seen for an output is the one kept.
  rows.sort((a, b) => runOrder.get(a.runId)! - runOrder.get(b.runId)!);

  const judgments = await countedJudgments(db, board.studyIds);
  const metrics: StudyMetric[] = [];
  for (const [key, summary] of described) {
    if (summary.granularity === "set") {
      metrics.push(besideRaters(summary, board.rating, null));
      continue;
    }
    const seen = new Set<string>();
    const valueOf = new Map<string, number>();
    const byModel = new Map<string, { id: string; values: number[]; prompts: string[]; failed: number }>();
    for (const row of rows) {
      if (row.metric !== key || seen.has(row.outputId) || !contestants.has(row.outputId)) continue;
      seen.add(row.outputId);
      const name = row.output.model.name;
      const entry = byModel.get(name) ?? { id: row.output.modelId, values: [], prompts: [], failed: 0 };
      byModel.set(name, entry);
      if (row.value === null) {
        entry.failed++;
        continue;
      }
      valueOf.set(row.outputId, row.value);
      entry.values.push(row.value);
      entry.prompts.push(row.output.promptId);
    }
    const perModel: ModelMetricValue[] = [];
    for (const [name, entry] of byModel) {
      const pooled = meanWithInterval(entry.values, {
        clusters: entry.prompts,
        seed: seedForKey(SEED, `${key}:${entry.id}`),
      });
      if (pooled)
        perModel.push({
          modelId: entry.id,
          modelName: name,
          value: pooled.mean,
          low: pooled.low,
          high: pooled.high,
          n: pooled.n,
          failed: entry.failed,
        });
    }
    perModel.sort((a, b) => a.modelName.localeCompare(b.modelName));
    metrics.push(
      besideRaters({ ...summary, perModel, errors: [] }, board.rating, {
        axisId: board.axisId,
        judgments,
        valueOf,
      }),
    );
  }
  return {
    runs: latest.map((r) => ({ id: r.id, studyId: r.scopeId, finishedAt: r.finishedAt })),
    metrics,
    unpooled: [...unpooled].filter((k) => !described.has(k)),
  };
}
