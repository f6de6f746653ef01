import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "@loupe/db";

export const createModelInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).default(""),
});

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
