/**
 * The stages that run registered evaluator models (aesthetic, CLIP score) get their model when a
 * run starts: the one the stage names, or the only one of its kind registered. A stage whose
 * model is not registered is left out of the run with a message saying how to register one — the
 * other stages still run — rather than failing every item.
 */
import type { EvaluatorModelKind } from "@loupe/evaluators";
import type { PipelineDefinition } from "./pipeline-definition";
import { stagesFor } from "./stages";
import type { RegisteredModel } from "./stages/stage";

export type SkippedStage = { stage: string; reason: string };

const a = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

const registerHint = (kind: EvaluatorModelKind) =>
  `register one with \`loupe models add my-${kind} --kind ${kind} --image image.onnx${kind === "clip" ? " --text text.onnx --tokenizer dir/" : ""}\` (docs/models.md)`;

export function resolveStageModels(
  definition: PipelineDefinition,
  registered: readonly RegisteredModel[],
): { definition: PipelineDefinition; skipped: SkippedStage[] } {
  const skipped: SkippedStage[] = [];
  const resolved = definition.stages.flatMap((entry) => {
    const stage = stagesFor(definition.media)[entry.stage];
    const kind = stage?.modelKind;
    if (!kind) return [entry];
    const named = typeof entry.model === "string" ? entry.model : undefined;
    const ofKind = registered.filter((m) => m.kind === kind);
    if (named) {
      const found = registered.find((m) => m.name === named);
      if (found?.kind === kind) return [entry];
      skipped.push({
        stage: entry.stage,
        reason: found
          ? `"${named}" is ${a(found.kind)} model; the ${entry.stage} stage needs ${a(kind)} model`
          : `no evaluator model "${named}" is registered: ${registerHint(kind)}`,
      });
      return [];
    }
    if (ofKind.length === 1) return [{ ...entry, model: ofKind[0]!.name }];
    skipped.push({
      stage: entry.stage,
      reason: ofKind.length
        ? `the ${entry.stage} stage needs ${a(kind)} model: name one of ${ofKind.map((m) => m.name).join(", ")} in its "model" option`
        : `the ${entry.stage} stage needs a registered ${kind} model and none is: ${registerHint(kind)}`,
    });
    return [];
  });
  // A model of the right kind may still not do (a classifier without the stage's label).
  const stages = resolved.flatMap((entry) => {
    const stage = stagesFor(definition.media)[entry.stage];
    const model = registered.find((m) => m.name === entry.model);
    if (!stage?.checkModel || !model) return [entry];
    const { stage: _id, ...options } = entry;
    const problem = stage.checkModel(stage.config.parse(options), model);
    if (problem === undefined) return [entry];
    skipped.push({ stage: entry.stage, reason: problem });
    return [];
  });
  // The concept pass needs the embeddings: without the embedding stage it is left out too, saying why.
  const embeddingSkipped = skipped.some((s) => s.stage === "embedding");
  if (embeddingSkipped && definition.concepts)
    skipped.push({
      stage: "concepts",
      reason: "the concept pass needs the embedding stage, which was left out",
    });
  return {
    definition: { ...definition, stages, concepts: embeddingSkipped ? null : definition.concepts },
    skipped,
  };
}
