/**
 * Importing a correspondence model's predicted keypoints for pairs already imported into a prompt
 * set. Each pair's prediction becomes the model's output for that prompt: the output's media is the
 * pair's target image (the image the keypoints are placed on) and its keypoints are stored beside
 * it, so an evaluation run scores PCK@α over the prompt set, a study or any output selection like
 * every other metric. Predictions are immutable: importing the same keypoints again is a
 * duplicate, and different keypoints for a pair that has them are refused (import them as another
 * model to compare).
 */
import { TRPCError } from "@trpc/server";
import { isUniqueViolation, type Prisma } from "@loupe/db";
import { canonicalJson, paramsHash } from "../outputs/params-hash";
import { ModelIndex } from "../outputs/import/resolve-targets";
import { importTotals } from "../import-totals";
import type { Runtime } from "../runtime";
import type { PredictionRow, PredictionRowError } from "./parse-predictions";

export type PredictionImportRow = {
  line: number;
  pair?: string;
  status: "imported" | "duplicate" | "error";
  reason?: string;
};

export type PredictionImportReport = {
  promptSet: { id: string; name: string };
  model: string;
  rows: PredictionImportRow[];
  totals: { rows: number; imported: number; duplicate: number; error: number };
};

export async function importKeypointPredictions(
  runtime: Pick<Runtime, "db">,
  projectId: string,
  opts: {
    promptSet: string;
    model: string;
    /** Register the model when the project has none of that name. */
    createModel?: boolean;
    rows: PredictionRow[];
    parseErrors?: PredictionRowError[];
  },
): Promise<PredictionImportReport> {
  const { db } = runtime;
  const set = await db.promptSet.findUnique({
    where: { projectId_name: { projectId, name: opts.promptSet } },
  });
  if (!set)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `no prompt set named "${opts.promptSet}" in this project`,
    });
  const model = await (await ModelIndex.load(db, projectId, opts.createModel ?? false)).resolve(opts.model);
  if ("error" in model) throw new TRPCError({ code: "NOT_FOUND", message: model.error });

  const pairs = new Map(
    (
      await db.prompt.findMany({
        where: { promptSetId: set.id },
        select: {
          id: true,
          externalId: true,
          keypointPair: { select: { targetKeypoints: true } },
          references: { where: { role: "target", position: 0 }, select: { assetId: true } },
        },
      })
    ).map((p) => [p.externalId, p]),
  );
  const hash = paramsHash({});
  const out: PredictionImportRow[] = (opts.parseErrors ?? []).map((e) => ({
    line: e.line,
    ...(e.pair ? { pair: e.pair } : {}),
    status: "error",
    reason: e.message,
  }));
  for (const row of opts.rows) {
    const result = (status: PredictionImportRow["status"], reason?: string) =>
      out.push({ line: row.line, pair: row.pair, status, ...(reason ? { reason } : {}) });
    const prompt = pairs.get(row.pair);
    if (!prompt) {
      result("error", `no pair "${row.pair}" in "${set.name}"`);
      continue;
    }
    const target = prompt.references[0];
    if (!prompt.keypointPair || !target) {
      result("error", `"${row.pair}" is a prompt without keypoint annotations; import the pairs first`);
      continue;
    }
    const expected = (prompt.keypointPair.targetKeypoints as unknown[]).length;
    if (row.keypoints.length !== expected) {
      result(
        "error",
        `${row.keypoints.length} predicted keypoints; the pair has ${expected} annotated keypoints (give null for one the model did not place)`,
      );
      continue;
    }
    const key = { modelId: model.ok, promptId: prompt.id, seed: 0n, paramsHash: hash };
    try {
      const status = await db.$transaction(async (tx) => {
        const existing = await tx.output.findUnique({
          where: { modelId_promptId_seed_paramsHash: key },
          select: { id: true, keypoints: { select: { keypoints: true } } },
        });
        if (existing?.keypoints) {
          return canonicalJson(existing.keypoints.keypoints) === canonicalJson(row.keypoints)
            ? ("duplicate" as const)
            : ("differs" as const);
        }
        const output =
          existing ??
          (await tx.output.create({
            data: { ...key, projectId, params: {}, assetId: target.assetId },
            select: { id: true },
          }));
        await tx.outputKeypoints.create({
          data: { outputId: output.id, keypoints: row.keypoints as Prisma.InputJsonValue },
        });
        return "imported" as const;
      });
      if (status === "differs")
        result(
          "error",
          `${opts.model} already has different predictions for this pair; predictions are kept as first imported (import these as another model)`,
        );
      else result(status, status === "duplicate" ? "the same predictions were imported before" : undefined);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      result("duplicate", "imported by another request at the same moment");
    }
  }
  out.sort((a, b) => a.line - b.line);
  return {
    promptSet: { id: set.id, name: set.name },
    model: opts.model,
    rows: out,
    totals: importTotals(out),
  };
}
