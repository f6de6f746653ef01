/**
 * Adding one model output from uploaded bytes (REST upload). It is a one-row outputs import, so
 * validation (image, video or audio), storage and the (model, prompt, seed, parameters) key
 * behave exactly as in a bulk import: uploading the same thing twice is a no-op.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Runtime } from "../runtime";
import { importOutputs, type ImportErrorCode } from "./import/import-outputs";

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

/** Status codes for the row errors a single upload can hit. */
const CODE_BY_ERROR: Record<ImportErrorCode, TRPCError["code"]> = {
  invalid_row: "BAD_REQUEST",
  unknown_model: "NOT_FOUND",
  unknown_prompt: "NOT_FOUND",
  missing_file: "BAD_REQUEST",
  rejected_media: "BAD_REQUEST",
};

/** One output (image, video or audio): the same code path as a one-row import. */
export async function addOutput(runtime: Runtime, projectId: string, data: AddOutput, bytes: Buffer) {
  const report = await importOutputs(runtime, projectId, {
    promptSet: data.promptSet,
    rows: [
      {
        line: 1,
        model: data.model,
        ...(data.promptId ? { promptId: data.promptId } : { prompt: data.prompt }),
        seed: data.seed,
        file: "file",
        params: data.params,
        latencyMs: data.latencyMs,
        steps: data.steps,
      },
    ],
    readFile: async () => bytes,
  });
  const row = report.rows[0]!;
  if (row.status === "error") {
    throw new TRPCError({
      code: CODE_BY_ERROR[row.code ?? "invalid_row"],
      message: row.reason ?? "rejected",
    });
  }
  return { id: row.outputId!, duplicate: row.status === "duplicate", sameFile: row.sameFile ?? true };
}
