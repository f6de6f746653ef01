/**
 * Starting a generation job: a model with an adapter, a prompt set, seeds and sampling
 * parameters. The job, its chunk records and its queued chunks are written in one transaction.
 *
 * (model, prompt, seed, parameters) is the key of an output, so a job for outputs that partly
 * exist produces only the missing ones: the chunks skip what is there.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db, Prisma } from "@loupe/db";
import { planChunks } from "@loupe/generation";
import { writeAudit } from "../audit/log";
import { adapterOf, findModel } from "../models/service";
import { paramsHash } from "../outputs/params-hash";
import { enqueueChunks } from "./enqueue-chunks";

/** Items per chunk: small enough that many workers share a job, large enough to amortise setup. */
export const DEFAULT_CHUNK_SIZE = 16;
/** The most items one job may have. */
export const MAX_ITEMS = 1_000_000;

const seed = z.union([z.bigint(), z.number().int(), z.string().regex(/^-?\d+$/)]).transform((v) => BigInt(v));

export const createGenerationJobInput = z.object({
  /** The model's id or name. */
  model: z.string().trim().min(1),
  /** The prompt set's id or name. */
  promptSet: z.string().trim().min(1),
  /** Explicit seeds, or a count of seeds 0..n-1. */
  seeds: z.union([z.array(seed).min(1).max(1000), z.number().int().min(1).max(1000)]).default(1),
  /** Sampling parameters, over the model's defaults (key by key). */
  params: z.record(z.string(), z.json()).default({}),
  chunkSize: z.number().int().min(1).max(10_000).default(DEFAULT_CHUNK_SIZE),
});

export type CreateGenerationJob = z.input<typeof createGenerationJobInput>;

export async function createGenerationJob(
  db: Db,
  projectId: string,
  input: CreateGenerationJob,
  actor: { userId?: string; apiKeyId?: string } = {},
) {
  const data = createGenerationJobInput.parse(input);
  const model = await findModel(db, projectId, data.model);
  if (!model)
    throw new TRPCError({ code: "NOT_FOUND", message: `No model "${data.model}" in this project.` });
  const adapter = adapterOf(model);
  if (!adapter)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The model "${model.name}" has no adapter: set how it is run (http, command, onnx or import) first.`,
    });
  const promptSet = await db.promptSet.findFirst({
    where: { projectId, OR: [{ id: data.promptSet }, { name: data.promptSet }] },
    include: { _count: { select: { prompts: true } } },
  });
  if (!promptSet)
    throw new TRPCError({ code: "NOT_FOUND", message: `No prompt set "${data.promptSet}" in this project.` });
  const seeds =
    typeof data.seeds === "number"
      ? Array.from({ length: data.seeds }, (_, i) => BigInt(i))
      : [...new Set(data.seeds)];
  const total = promptSet._count.prompts * seeds.length;
  if (total === 0)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The prompt set "${promptSet.name}" has no prompts.`,
    });
  if (total > MAX_ITEMS)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${total} items is over the limit of ${MAX_ITEMS} per job.`,
    });
  const params = { ...adapter.params, ...data.params };
  const chunkCount = planChunks(total, data.chunkSize);

  const job = await db.$transaction(
    async (tx) => {
      const created = await tx.generationJob.create({
        data: {
          projectId,
          modelId: model.id,
          promptSetId: promptSet.id,
          seeds,
          params: params as Prisma.InputJsonObject,
          paramsHash: paramsHash(params),
          total,
          chunkSize: data.chunkSize,
          chunkCount,
          createdById: actor.userId ?? null,
        },
      });
      await tx.generationChunk.createMany({
        data: Array.from({ length: chunkCount }, (_, index) => ({ jobId: created.id, index })),
      });
      await enqueueChunks(
        tx,
        created.id,
        Array.from({ length: chunkCount }, (_, i) => i),
      );
      await writeAudit(tx, {
        projectId,
        actorUserId: actor.userId ?? null,
        actorApiKeyId: actor.apiKeyId ?? null,
        action: "generation.create",
        targetType: "GenerationJob",
        targetId: created.id,
        data: { model: model.name, promptSet: promptSet.name, seeds: seeds.length, total },
      });
      return created;
    },
    { timeout: 120_000 },
  );
  return { id: job.id, total, chunkCount };
}
