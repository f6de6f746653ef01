/**
 * The registry of evaluator models: ONNX files a user exported themselves (docs/models.md), recorded
 * with their sha256 so every later load can refuse a file that changed. Registering loads each file
 * once, so a file that is not an ONNX model, or a model of the wrong shape of inputs, is refused
 * here rather than in the middle of a run. Nothing is downloaded.
 */
import fs from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "@loupe/db";
import {
  EVALUATOR_MODEL_KINDS,
  evaluatorModelSpec,
  loadSession,
  ModelFileError,
  sha256OfFile,
  type EvaluatorModelSpec,
  type ModelFile,
} from "@loupe/evaluators";

export const registerEvaluatorModelInput = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "use lowercase letters, digits, dots, dashes (up to 64)"),
  /** Inferred as "clip" when a text encoder is given. */
  kind: z.enum(EVALUATOR_MODEL_KINDS).optional(),
  image: z.string().min(1),
  text: z.string().min(1).optional(),
  /** The folder holding tokenizer.json (CLIP). */
  tokenizer: z.string().min(1).optional(),
  mode: z.enum(["pytorch-fid", "clean-fid"]).optional(),
  logitScale: z.number().positive().optional(),
  contextLength: z.number().int().min(1).max(1024).optional(),
  padId: z.number().int().min(0).optional(),
  imageSize: z.number().int().min(16).max(1024).optional(),
  batchSize: z.number().int().min(1).max(256).optional(),
  executionProvider: z.enum(["auto", "cpu", "cuda"]).optional(),
  /** Classifiers: the classes in the order of the model's outputs. */
  labels: z.array(z.string().trim().min(1)).optional(),
  activation: z.enum(["softmax", "sigmoid", "none"]).optional(),
  preprocess: z.enum(["clip", "imagenet", "half"]).optional(),
  /** Replace a model of the same name (its cached features are then never reused: the key changes). */
  replace: z.boolean().default(false),
});
export type RegisterEvaluatorModel = z.input<typeof registerEvaluatorModelInput>;

const bad = (message: string) => new TRPCError({ code: "BAD_REQUEST", message });

async function fileRecord(file: string, what: string): Promise<ModelFile> {
  const absolute = path.resolve(file);
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw bad(`the ${what} ${absolute} is not a file`);
  return { path: absolute, sha256: await sha256OfFile(absolute), bytes: stat.size };
}

/** Loads the file as ONNX and checks its number of inputs. */
async function checkOnnx(file: ModelFile, what: string, inputs: number[]) {
  try {
    const { session } = await loadSession({ path: file.path, sha256: file.sha256, executionProvider: "cpu" });
    if (!inputs.includes(session.inputNames.length)) {
      throw bad(`the ${what} takes ${session.inputNames.length} inputs; expected ${inputs.join(" or ")}`);
    }
  } catch (err) {
    if (err instanceof ModelFileError) throw bad(err.message);
    throw err;
  }
}

export async function registerEvaluatorModel(db: Db, input: RegisterEvaluatorModel) {
  const data = registerEvaluatorModelInput.parse(input);
  const kind = data.kind ?? (data.text ? "clip" : undefined);
  if (!kind) throw bad(`say what kind of model ${data.name} is: --kind ${EVALUATOR_MODEL_KINDS.join(" | ")}`);
  const existing = await db.evaluatorModel.findUnique({ where: { name: data.name } });
  if (existing && !data.replace) {
    throw new TRPCError({
      code: "CONFLICT",
      message: `an evaluator model "${data.name}" is registered already (--replace to replace it)`,
    });
  }
  const image = await fileRecord(data.image, "image encoder");
  await checkOnnx(image, kind === "lpips" ? "LPIPS model" : "image model", [kind === "lpips" ? 2 : 1]);
  let files: Record<string, ModelFile> = { image };
  if (kind === "clip") {
    if (!data.text || !data.tokenizer)
      throw bad("a CLIP model needs --text (text encoder) and --tokenizer (folder with tokenizer.json)");
    const text = await fileRecord(data.text, "text encoder");
    await checkOnnx(text, "text encoder", [1, 2]);
    const tokenizer = await fileRecord(path.join(data.tokenizer, "tokenizer.json"), "tokenizer");
    files = { image, text, tokenizer };
  } else if (data.text || data.tokenizer) {
    throw bad(`a ${kind} model has one image model; --text and --tokenizer are for CLIP models`);
  }
  if (kind === "classifier" && !data.labels?.length)
    throw bad("a classifier needs its labels, in the order of its outputs: --labels normal,nsfw");
  if (kind !== "classifier" && (data.labels || data.activation || data.preprocess))
    throw bad("--labels, --activation and --preprocess are for classifiers (--kind classifier)");
  const parsed = evaluatorModelSpec.safeParse({
    kind,
    ...files,
    mode: data.mode,
    logitScale: data.logitScale,
    contextLength: data.contextLength,
    padId: data.padId,
    imageSize: data.imageSize,
    batchSize: data.batchSize,
    executionProvider: data.executionProvider,
    labels: data.labels,
    activation: data.activation,
    preprocess: data.preprocess,
  });
  if (!parsed.success)
    throw bad(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const spec: EvaluatorModelSpec = parsed.data;
  return db.evaluatorModel.upsert({
    where: { name: data.name },
    create: { name: data.name, kind, spec },
    update: { kind, spec },
  });
}

export async function listEvaluatorModels(db: Db) {
  const rows = await db.evaluatorModel.findMany({ orderBy: { name: "asc" } });
  return rows.map((row) => ({
    name: row.name,
    kind: row.kind,
    createdAt: row.createdAt,
    spec: evaluatorModelSpec.parse(row.spec),
  }));
}

export async function removeEvaluatorModel(db: Db, name: string) {
  const { count } = await db.evaluatorModel.deleteMany({ where: { name } });
  if (count === 0) throw new TRPCError({ code: "NOT_FOUND", message: `no evaluator model "${name}"` });
}
