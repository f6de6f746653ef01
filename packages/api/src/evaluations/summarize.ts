/**
 * The last job of an evaluation run: per metric and model, the mean of the per-output values with a
 * 95% bootstrap interval over prompts, or — for FID and KID — the distance between the model's
 * Inception features and the reference set's (another model's outputs, or the prompts' reference
 * images of a role). Stored as the run's summary; the run is then done.
 */
import type { Db } from "@loupe/db";
import {
  frechetDistance,
  gaussianStatistics,
  kernelDistance,
  METRICS,
  type FeatureSet,
} from "@loupe/evaluators";
import type { MediaStorage } from "@loupe/media";
import { meanWithInterval, seedForKey } from "@loupe/stats";
import { metricsOfRun, type ResolvedMetric } from "./config";
import { assetFeatures, type AssetRef } from "./features";
import { evaluationScope, outputsInScope } from "./scope";
import { loadModelByName } from "./score-outputs";
import type { EvaluationSummary, MetricSummary, ModelMetricValue } from "./summary";

const SEED = 20261129;

export async function summarizeEvaluation(
  runtime: { db: Db; storage: MediaStorage },
  runId: string,
): Promise<void> {
  const { db } = runtime;
  const run = await db.evaluationRun.findUnique({
    where: { id: runId },
    include: { chunks: { select: { outputIds: true } } },
  });
  if (!run || run.status === "done" || run.status === "cancelled") return;
  const outputIds = run.chunks.flatMap((c) => c.outputIds);
  // Outputs added only as FID/KID's reference set are not contestants: per-output means count the
  // scope's own outputs.
  const inScope = new Set(
    await outputsInScope(
      db,
      run.projectId,
      evaluationScope.parse({ scope: run.scope, scopeId: run.scopeId }),
    ).catch(() => outputIds),
  );
  const outputs = await db.output.findMany({
    where: { id: { in: outputIds } },
    select: {
      id: true,
      promptId: true,
      model: { select: { id: true, name: true } },
      asset: { select: { id: true, sha256: true } },
    },
  });
  const previous = (run.summary ?? { skipped: [] }) as unknown as EvaluationSummary;
  const metrics: MetricSummary[] = [];
  for (const metric of metricsOfRun(run.config)) {
    const definition = METRICS[metric.metric];
    const base = {
      key: metric.key,
      metric: metric.metric,
      model: metric.model,
      label: metric.model ? `${definition.label} (${metric.model})` : definition.label,
      higherIsBetter: definition.higherIsBetter,
      granularity: definition.granularity,
    };
    metrics.push(
      definition.granularity === "output"
        ? {
            ...base,
            notes: [],
            errors: [],
            perModel: await perOutputSummary(
              db,
              run.id,
              metric,
              outputs.filter((o) => inScope.has(o.id)),
            ),
          }
        : { ...base, ...(await setSummary(runtime, run.id, metric, outputs)) },
    );
  }
  const summary: EvaluationSummary = { skipped: previous.skipped ?? [], metrics };
  // A run cancelled meanwhile stays cancelled.
  await db.evaluationRun.updateMany({
    where: { id: run.id, status: { in: ["queued", "running", "failed"] } },
    data: { summary: summary as object, status: "done", finishedAt: new Date(), error: null },
  });
}

type RunOutput = { id: string; promptId: string; model: { id: string; name: string }; asset: AssetRef };

async function perOutputSummary(db: Db, runId: string, metric: ResolvedMetric, outputs: RunOutput[]) {
  const values = await db.metricValue.findMany({
    where: { runId, metric: metric.key },
    select: { outputId: true, value: true },
  });
  const byOutput = new Map(values.map((v) => [v.outputId, v.value]));
  const byModel = new Map<string, { name: string; values: number[]; prompts: string[]; failed: number }>();
  for (const o of outputs) {
    if (!byOutput.has(o.id)) continue;
    const entry = byModel.get(o.model.id) ?? { name: o.model.name, values: [], prompts: [], failed: 0 };
    byModel.set(o.model.id, entry);
    const value = byOutput.get(o.id);
    if (value === null || value === undefined) entry.failed++;
    else {
      entry.values.push(value);
      entry.prompts.push(o.promptId);
    }
  }
  const rows: ModelMetricValue[] = [];
  for (const [modelId, entry] of byModel) {
    const summary = meanWithInterval(entry.values, {
      clusters: entry.prompts,
      seed: seedForKey(SEED, `${metric.key}:${modelId}`),
    });
    if (!summary) continue; // every output failed: the failures are on the values
    rows.push({
      modelId,
      modelName: entry.name,
      value: summary.mean,
      low: summary.low,
      high: summary.high,
      n: summary.n,
      failed: entry.failed,
    });
  }
  return rows.sort((a, b) => a.modelName.localeCompare(b.modelName));
}

async function setSummary(
  runtime: { db: Db; storage: MediaStorage },
  runId: string,
  metric: ResolvedMetric,
  outputs: RunOutput[],
): Promise<Pick<MetricSummary, "notes" | "errors" | "perModel">> {
  const { db, storage } = runtime;
  const reference = metric.reference!;
  let model: Awaited<ReturnType<typeof loadModelByName>>;
  try {
    model = await loadModelByName(db, metric.model!);
  } catch (err) {
    // A missing or changed Inception file: this metric says so; the others keep their summaries.
    const names = [...new Set(outputs.map((o) => o.model.name))];
    return {
      notes: [],
      perModel: [],
      errors: names.map((modelName) => ({ modelName, error: (err as Error).message })),
    };
  }
  let referenceAssets: AssetRef[];
  let referenceModelId: string | undefined;
  if ("model" in reference) {
    const refOutputs = outputs.filter(
      (o) => o.model.name === reference.model || o.model.id === reference.model,
    );
    referenceModelId = refOutputs[0]?.model.id;
    referenceAssets = refOutputs.map((o) => o.asset);
  } else {
    const refs = await db.promptReference.findMany({
      where: { role: reference.role, promptId: { in: [...new Set(outputs.map((o) => o.promptId))] } },
      select: { asset: { select: { id: true, sha256: true } } },
    });
    referenceAssets = refs.map((r) => r.asset);
  }
  const groups = new Map<string, { name: string; assets: AssetRef[] }>();
  for (const o of outputs) {
    if (o.model.id === referenceModelId) continue;
    const g = groups.get(o.model.id) ?? { name: o.model.name, assets: [] };
    g.assets.push(o.asset);
    groups.set(o.model.id, g);
  }
  const features = await assetFeatures(db, storage, model, [
    ...referenceAssets,
    ...[...groups.values()].flatMap((g) => g.assets),
  ]);
  const setOf = (assets: AssetRef[]): FeatureSet | null => {
    const rows = assets
      .map((a) => features.get(a.id))
      .filter((f): f is Float32Array => f instanceof Float32Array);
    if (rows.length === 0) return null;
    const dimension = rows[0]!.length;
    const values = new Float32Array(rows.length * dimension);
    rows.forEach((r, i) => values.set(r, i * dimension));
    return { values, count: rows.length, dimension };
  };
  const label =
    "model" in reference
      ? `the outputs of ${reference.model}`
      : `the prompts' "${reference.role}" references`;
  const notes = [
    `reference: ${label}`,
    `resize: ${model.spec.kind === "inception" ? model.spec.mode : "?"}`,
    `execution provider: ${model.provider}`,
  ];
  const errors: { modelName: string; error: string }[] = [];
  const perModel: ModelMetricValue[] = [];
  const referenceSet = setOf(referenceAssets);
  if (!referenceSet) {
    for (const g of groups.values())
      errors.push({ modelName: g.name, error: `the reference set (${label}) has no images` });
    return { notes, errors, perModel };
  }
  const referenceStats =
    metric.metric === "fid" ? await gaussianStatistics(referenceSet).catch((e: Error) => e) : null;
  for (const [modelId, g] of groups) {
    const set = setOf(g.assets);
    const failed = g.assets.length - (set?.count ?? 0);
    try {
      if (!set) throw new Error("none of its outputs could be encoded");
      if (metric.metric === "fid") {
        if (referenceStats instanceof Error) throw referenceStats;
        const fid = await frechetDistance(await gaussianStatistics(set), referenceStats!);
        perModel.push({
          modelId,
          modelName: g.name,
          value: fid.value,
          low: null,
          high: null,
          n: set.count,
          failed,
        });
      } else {
        const kid = await kernelDistance(set, referenceSet, {
          seed: seedForKey(SEED, `${metric.key}:${modelId}`),
        });
        perModel.push({
          modelId,
          modelName: g.name,
          value: kid.value,
          low: null,
          high: null,
          n: set.count,
          failed,
        });
        if (!notes.some((n) => n.startsWith("KID subsets")))
          notes.push(`KID subsets: ${kid.subsets} of ${kid.subsetSize}`);
      }
    } catch (err) {
      errors.push({ modelName: g.name, error: (err as Error).message });
    }
  }
  perModel.sort((a, b) => a.modelName.localeCompare(b.modelName));
  return { notes, errors, perModel };
}
