/**
 * Running a registered evaluator model from a stage: the model named in the stage's config,
 * looked up in the instance's registry and loaded once per process (@loupe/evaluators' loader
 * checks every file against the sha256 it was registered with).
 */
import { loadEvaluatorModel, type EvaluatorModelKind, type LoadedEvaluatorModel } from "@loupe/evaluators";
import type { StageContext } from "./stage";

export async function registeredModel(
  context: StageContext,
  name: string | undefined,
  kind: EvaluatorModelKind,
): Promise<LoadedEvaluatorModel> {
  if (!name) throw new Error(`no ${kind} model was chosen for this run`);
  const entry = context.models.get(name);
  if (!entry) throw new Error(`the ${kind} model "${name}" is not registered (any more)`);
  if (entry.kind !== kind) throw new Error(`"${name}" is a ${entry.kind} model, not a ${kind} model`);
  return loadEvaluatorModel(name, entry.spec);
}

/** The image embedding (or score row) of the item's encoded bytes; its own reason when it has none. */
export async function imageRow(model: LoadedEvaluatorModel, bytes: Buffer): Promise<Float32Array> {
  const [row] = await model.image.encode([bytes]);
  if (!row || row instanceof Error) throw row ?? new Error("the model returned nothing");
  return row;
}
