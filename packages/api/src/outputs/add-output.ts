/**
 * Adding one model output from uploaded bytes (REST upload now; the importers of the pairwise
 * issue reuse it). The file is validated by decoding it, stored content-addressed, and the
 * output is keyed by (model, prompt, seed, parameters): uploading the same thing twice is a no-op.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ingestImage } from "@loupe/media";
import type { Prisma } from "@loupe/db";
import type { Runtime } from "../runtime";
import { paramsHash } from "./params-hash";

export const addOutputInput = z
  .object({
    model: z.string().trim().min(1, "model is required"),
    promptSet: z.string().trim().min(1, "prompt_set is required"),
    promptId: z.string().trim().min(1).optional(),
    prompt: z.string().trim().min(1).optional(),
    seed: z.coerce.bigint().default(0n),
    params: z.record(z.string(), z.json()).default({}),
    latencyMs: z.coerce.number().int().min(0).optional(),
    steps: z.coerce.number().int().min(0).optional(),
  })
  .refine((v) => v.promptId || v.prompt, {
    message: "give prompt_id or the exact prompt text",
    path: ["prompt_id"],
  });

export type AddOutput = z.output<typeof addOutputInput>;

export async function addOutput(runtime: Runtime, projectId: string, data: AddOutput, bytes: Buffer) {
  const { db, storage } = runtime;
  const model = await db.genModel.findUnique({ where: { projectId_name: { projectId, name: data.model } } });
  if (!model)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `no model named "${data.model}" in this project; register it first`,
    });
  const set = await db.promptSet.findUnique({
    where: { projectId_name: { projectId, name: data.promptSet } },
  });
  if (!set)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `no prompt set named "${data.promptSet}" in this project`,
    });
  const prompt = await db.prompt.findFirst({
    where: {
      promptSetId: set.id,
      ...(data.promptId ? { externalId: data.promptId } : { text: data.prompt }),
    },
  });
  if (!prompt) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: data.promptId
        ? `no prompt with id "${data.promptId}" in "${data.promptSet}"`
        : `no prompt with exactly that text in "${data.promptSet}"`,
    });
  }

  let asset;
  try {
    asset = await ingestImage(storage, bytes);
  } catch (err) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `the file is not a readable image: ${(err as Error).message}`,
    });
  }
  const assetRow = await db.asset.upsert({
    where: { sha256: asset.sha256 },
    update: {},
    create: { ...asset, bytes: BigInt(asset.bytes) },
  });

  const key = {
    modelId: model.id,
    promptId: prompt.id,
    seed: data.seed,
    paramsHash: paramsHash(data.params),
  };
  const existing = await db.output.findUnique({ where: { modelId_promptId_seed_paramsHash: key } });
  if (existing) return { id: existing.id, duplicate: true, sameFile: existing.assetId === assetRow.id };
  const output = await db.output.create({
    data: {
      ...key,
      projectId,
      params: data.params as Prisma.InputJsonObject,
      assetId: assetRow.id,
      latencyMs: data.latencyMs,
      steps: data.steps,
    },
  });
  return { id: output.id, duplicate: false, sameFile: true };
}
