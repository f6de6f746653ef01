import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { adapterConfigSchema, type AdapterConfig } from "@loupe/generation";
import type { Db, Prisma, ProjectRole } from "@loupe/db";
import { hasRole } from "../access/roles";

export const createModelInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).default(""),
});

/** What `GenModel.config` holds: how the model is run, when it is run by Loupe's workers. */
const modelConfig = z.object({ adapter: adapterConfigSchema.optional() });

/** The model's adapter settings, or null for a model whose outputs only ever arrive by import. */
export function adapterOf(model: { config: unknown }): AdapterConfig | null {
  const parsed = modelConfig.safeParse(model.config);
  return parsed.success ? (parsed.data.adapter ?? null) : null;
}

export async function listModels(db: Db, projectId: string) {
  const models = await db.genModel.findMany({
    where: { projectId },
    orderBy: { name: "asc" },
    include: { _count: { select: { outputs: true } } },
  });
  return models.map((m) => ({
    id: m.id,
    name: m.name,
    description: m.description,
    createdAt: m.createdAt,
    outputCount: m._count.outputs,
    adapter: adapterOf(m),
  }));
}

export async function createModel(db: Db, projectId: string, input: z.input<typeof createModelInput>) {
  const data = createModelInput.parse(input);
  const existing = await db.genModel.findUnique({
    where: { projectId_name: { projectId, name: data.name } },
  });
  if (existing)
    throw new TRPCError({ code: "CONFLICT", message: `A model named "${data.name}" already exists.` });
  const m = await db.genModel.create({ data: { projectId, name: data.name, description: data.description } });
  return { id: m.id, name: m.name };
}

export const setModelAdapterInput = z.object({
  modelId: z.string().min(1),
  /** null removes the adapter. */
  adapter: adapterConfigSchema.nullable(),
});

/**
 * Adapters that run code or read files on the worker machines (`command`, `onnx`, `import`), and
 * any adapter that sends a stored secret somewhere, are an owner's to set: a researcher who could
 * point a secret at their own URL, or run a script on every worker, could take what the owner
 * trusted the workers with.
 */
export function adapterNeedsOwner(adapter: AdapterConfig | null): boolean {
  if (!adapter) return false;
  return adapter.kind !== "http" || adapter.authSecret !== undefined;
}

/**
 * Sets how a model is run. The settings are validated here, when they are saved; a secret is
 * referenced by name only (its value is stored encrypted, apart). `role` is the caller's role in
 * the project (the CLI, which acts with the database's own rights, passes "owner").
 */
export async function setModelAdapter(
  db: Db,
  projectId: string,
  input: z.input<typeof setModelAdapterInput>,
  role: ProjectRole = "owner",
) {
  const { modelId, adapter } = setModelAdapterInput.parse(input);
  const model = await db.genModel.findFirst({ where: { id: modelId, projectId } });
  if (!model) throw new TRPCError({ code: "NOT_FOUND", message: "No such model in this project." });
  if (!hasRole(role, "owner") && (adapterNeedsOwner(adapter) || adapterNeedsOwner(adapterOf(model))))
    throw new TRPCError({
      code: "FORBIDDEN",
      message:
        "Only a project owner can set a command, onnx or import adapter, or one that sends a stored secret: they run code or send credentials from the workers.",
    });
  const config = (adapter ? { adapter } : {}) as Prisma.InputJsonObject;
  await db.genModel.update({ where: { id: model.id }, data: { config } });
  return { id: model.id, name: model.name, adapter };
}

/** A project's model by id or by name (the CLI and REST name models). */
export async function findModel(db: Db, projectId: string, idOrName: string) {
  return db.genModel.findFirst({ where: { projectId, OR: [{ id: idOrName }, { name: idOrName }] } });
}
