/**
 * `loupe models add|list|remove`: the registry of evaluator models — ONNX files the user exported
 * (docs/models.md), recorded with their sha256 and checked to load. Registering reads the files
 * where they are; workers on other machines need them at the same paths.
 */
import {
  listEvaluatorModels,
  registerEvaluatorModel,
  removeEvaluatorModel,
  type RegisterEvaluatorModel,
} from "@loupe/api/evaluations";
import { filesOf } from "@loupe/evaluators";
import { withDatabase } from "./with-db";

export type ModelsAddCliOptions = Omit<RegisterEvaluatorModel, "name">;

export async function modelsAddCommand(name: string, opts: ModelsAddCliOptions) {
  await withDatabase(async (db) => {
    const row = await registerEvaluatorModel(db, { ...opts, name });
    console.log(`registered ${row.kind} model "${row.name}"`);
  });
}

export async function modelsListCommand() {
  await withDatabase(async (db) => {
    const models = await listEvaluatorModels(db);
    if (models.length === 0) console.log("no evaluator models registered (loupe models add --help)");
    for (const m of models) {
      const files = Object.entries(filesOf(m.spec)).map(
        ([role, f]) => `${role} ${f.path} (${f.sha256.slice(0, 12)}…)`,
      );
      console.log(`${m.name}\t${m.kind}\t${files.join(", ")}`);
    }
  });
}

export async function modelsRemoveCommand(name: string) {
  await withDatabase(async (db) => {
    await removeEvaluatorModel(db, name);
    console.log(`removed "${name}"`);
  });
}
