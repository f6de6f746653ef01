/**
 * The comparison plan turned into tasks: which two outputs are compared on which prompt.
 * Pure, so the rules are tested without a database.
 *
 * - `all-pairs` and `adaptive`: every unordered pair of the study's models;
 * - `baseline`: every other model against the baseline (the baseline is always output B).
 *
 * When both models have several outputs for a prompt (several seeds), outputs with the same seed
 * are paired first, then the rest in seed order, so each output is compared at most once per pair.
 */
import type { ComparisonPlan } from "./config";

export type PlanOutput = { id: string; modelId: string; promptId: string; seed: bigint };
export type PlannedComparison = { promptId: string; outputAId: string; outputBId: string };
export type PlanResult = {
  comparisons: PlannedComparison[];
  /** (prompt, model) cells with no output, so the launch report can say what was left out. */
  missing: { promptId: string; modelId: string }[];
};

export function modelPairs(plan: ComparisonPlan, modelIds: readonly string[]): [string, string][] {
  if (plan.kind === "baseline") {
    return modelIds.filter((m) => m !== plan.baselineModelId).map((m) => [m, plan.baselineModelId]);
  }
  const pairs: [string, string][] = [];
  for (let i = 0; i < modelIds.length; i++)
    for (let j = i + 1; j < modelIds.length; j++) pairs.push([modelIds[i]!, modelIds[j]!]);
  return pairs;
}

/** Pair two models' outputs for one prompt: equal seeds first, then the rest in seed order. */
export function pairOutputs(a: PlanOutput[], b: PlanOutput[]): [PlanOutput, PlanOutput][] {
  const bySeed = (x: PlanOutput, y: PlanOutput) => (x.seed < y.seed ? -1 : x.seed > y.seed ? 1 : 0);
  const restA = [...a].sort(bySeed);
  const restB = [...b].sort(bySeed);
  const pairs: [PlanOutput, PlanOutput][] = [];
  for (let i = restA.length - 1; i >= 0; i--) {
    const j = restB.findIndex((o) => o.seed === restA[i]!.seed);
    if (j >= 0) {
      pairs.push([restA[i]!, restB[j]!]);
      restA.splice(i, 1);
      restB.splice(j, 1);
    }
  }
  pairs.reverse();
  for (let i = 0; i < Math.min(restA.length, restB.length); i++) pairs.push([restA[i]!, restB[i]!]);
  return pairs;
}

export function planComparisons(input: {
  plan: ComparisonPlan;
  modelIds: readonly string[];
  promptIds: readonly string[];
  outputs: readonly PlanOutput[];
}): PlanResult {
  const cell = new Map<string, PlanOutput[]>();
  for (const o of input.outputs) {
    const key = `${o.promptId}\u0000${o.modelId}`;
    const list = cell.get(key);
    if (list) list.push(o);
    else cell.set(key, [o]);
  }
  const outputsOf = (promptId: string, modelId: string) => cell.get(`${promptId}\u0000${modelId}`) ?? [];

  const comparisons: PlannedComparison[] = [];
  const missing: PlanResult["missing"] = [];
  const pairs = modelPairs(input.plan, input.modelIds);
  for (const promptId of input.promptIds) {
    for (const modelId of input.modelIds)
      if (outputsOf(promptId, modelId).length === 0) missing.push({ promptId, modelId });
    for (const [ma, mb] of pairs) {
      for (const [a, b] of pairOutputs(outputsOf(promptId, ma), outputsOf(promptId, mb))) {
        comparisons.push({ promptId, outputAId: a.id, outputBId: b.id });
      }
    }
  }
  return { comparisons, missing };
}
