/**
 * Starting an evaluation run. Before any work: every metric is checked — a metric whose model is
 * not registered is skipped with a message saying how to register one, and the others still run;
 * FID and KID need a reference set. Then the run, its chunks (fixed lists of output ids) and their
 * jobs are written in one transaction.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "@loupe/db";
import { METRICS } from "@loupe/evaluators";
import { writeAudit } from "../audit/log";
import { evaluationConfig, metricKey, type ResolvedMetric } from "./config";
import { enqueueEvaluationChunks } from "./enqueue";
import { evaluationScope, outputsInScope } from "./scope";
import type { EvaluationSummary, SkippedMetric } from "./summary";

export const DEFAULT_EVALUATION_CHUNK_SIZE = 32;

export const createEvaluationRunInput = evaluationScope.extend({
  config: evaluationConfig,
  chunkSize: z.number().int().min(1).max(10_000).default(DEFAULT_EVALUATION_CHUNK_SIZE),
});
export type CreateEvaluationRun = z.input<typeof createEvaluationRunInput>;

const registerHint = (kind: string, name = `my-${kind}`) =>
  `register one with \`loupe models add ${name} --kind ${kind} --image image.onnx${kind === "clip" ? " --text text.onnx --tokenizer dir/" : ""}\` (docs/models.md)`;

export async function createEvaluationRun(
  db: Db,
  projectId: string,
  input: CreateEvaluationRun,
  actor: { userId?: string; apiKeyId?: string } = {},
) {
  const data = createEvaluationRunInput.parse(input);
  const registered = await db.evaluatorModel.findMany({ select: { name: true, kind: true } });
  const metrics: ResolvedMetric[] = [];
  const skipped: SkippedMetric[] = [];
  const skip = (entry: SkippedMetric) => {
    if (!skipped.some((s) => s.key === entry.key)) skipped.push(entry);
  };
  for (const request of data.config.metrics) {
    const definition = METRICS[request.metric];
    let model = request.model;
    if (definition.modelKind) {
      const kind = definition.modelKind;
      const ofKind = registered.filter((m) => m.kind === kind);
      if (!model && ofKind.length === 1) model = ofKind[0]!.name;
      const key = metricKey(request.metric, model);
      if (!model) {
        skip({
          key,
          metric: request.metric,
          reason: ofKind.length
            ? `${definition.label} needs a ${kind} model: name one of ${ofKind.map((m) => m.name).join(", ")}`
            : `${definition.label} needs a registered ${kind} model and none is: ${registerHint(kind)}`,
        });
        continue;
      }
      const found = registered.find((m) => m.name === model);
      if (!found || found.kind !== kind) {
        skip({
          key,
          metric: request.metric,
          reason: found
            ? `"${model}" is a ${found.kind} model; ${definition.label} needs a ${kind} model`
            : `no evaluator model "${model}" is registered: ${registerHint(kind, model)}`,
        });
        continue;
      }
    } else if (model) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `${definition.label} uses no model; leave "model" out`,
      });
    }
    if (definition.granularity === "set" && !request.reference) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `${definition.label} needs a reference set: another model's outputs ({"model": name}) or the prompts' reference images of a role ({"role": "target"})`,
      });
    }
    if ((request.alpha !== undefined || request.pckBox !== undefined) && request.metric !== "pck") {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `"alpha" and "pckBox" are PCK options; ${definition.label} has neither`,
      });
    }
    const key = metricKey(request.metric, model, request);
    if (metrics.some((m) => m.key === key)) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `${key} is asked for twice; one run computes each metric with each model once (start another run for other options)`,
      });
    }
    metrics.push({ ...request, model, key });
  }
  if (metrics.length === 0) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `No metric can run: ${skipped.map((s) => s.reason).join("; ")}`,
    });
  }

  let outputIds = await outputsInScope(db, projectId, data);
  // FID/KID against another model: that model's outputs for the same prompts are scored too.
  const referenceModels = [
    ...new Set(metrics.flatMap((m) => (m.reference && "model" in m.reference ? [m.reference.model] : []))),
  ];
  for (const name of referenceModels) {
    const model = await db.genModel.findFirst({ where: { projectId, OR: [{ id: name }, { name }] } });
    if (!model)
      throw new TRPCError({
        code: "NOT_FOUND",
        message: `No model "${name}" in this project for the reference set.`,
      });
    const prompts = await db.output.findMany({
      where: { id: { in: outputIds } },
      select: { promptId: true },
      distinct: ["promptId"],
    });
    const references = await db.output.findMany({
      where: { modelId: model.id, promptId: { in: prompts.map((p) => p.promptId) } },
      select: { id: true },
    });
    outputIds = [...new Set([...outputIds, ...references.map((r) => r.id)])].sort();
  }
  if (outputIds.length === 0) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "There are no outputs to evaluate here." });
  }

  const chunkCount = Math.ceil(outputIds.length / data.chunkSize);
  const summary: EvaluationSummary = { skipped, metrics: [] };
  const run = await db.$transaction(async (tx) => {
    const created = await tx.evaluationRun.create({
      data: {
        projectId,
        scope: data.scope,
        scopeId: data.scopeId,
        config: { metrics } as object,
        total: outputIds.length,
        chunkSize: data.chunkSize,
        chunkCount,
        summary: summary as object,
        createdById: actor.userId ?? null,
      },
    });
    await tx.evaluationChunk.createMany({
      data: Array.from({ length: chunkCount }, (_, index) => ({
        runId: created.id,
        index,
        outputIds: outputIds.slice(index * data.chunkSize, (index + 1) * data.chunkSize),
      })),
    });
    await enqueueEvaluationChunks(
      tx,
      created.id,
      Array.from({ length: chunkCount }, (_, i) => i),
    );
    await writeAudit(tx, {
      projectId,
      actorUserId: actor.userId ?? null,
      actorApiKeyId: actor.apiKeyId ?? null,
      action: "evaluation.create",
      targetType: "EvaluationRun",
      targetId: created.id,
      data: {
        scope: data.scope,
        scopeId: data.scopeId,
        metrics: metrics.map((m) => m.key),
        skipped: skipped.map((s) => s.key),
      },
    });
    return created;
  });
  return { id: run.id, total: run.total, chunkCount, metrics: metrics.map((m) => m.key), skipped };
}
