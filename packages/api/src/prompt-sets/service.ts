import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db, Prisma } from "@loupe/db";

export const promptInput = z.object({
  text: z.string().trim().min(1, "prompt text is empty").max(10_000),
  externalId: z.string().trim().min(1).max(200).optional(),
  tags: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  metadata: z.record(z.string(), z.json()).default({}),
});

export const createPromptSetInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(""),
  /** Labels for the set, e.g. "red-team" for adversarial prompts. */
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  prompts: z.array(promptInput).min(1, "a prompt set needs at least one prompt").max(100_000),
});

export async function listPromptSets(db: Db, projectId: string) {
  const sets = await db.promptSet.findMany({
    where: { projectId },
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { prompts: true } } },
  });
  return sets.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    tags: s.tags,
    createdAt: s.createdAt,
    promptCount: s._count.prompts,
  }));
}

export async function createPromptSet(
  db: Db,
  projectId: string,
  input: z.input<typeof createPromptSetInput>,
) {
  const data = createPromptSetInput.parse(input);
  if (await db.promptSet.findUnique({ where: { projectId_name: { projectId, name: data.name } } })) {
    throw new TRPCError({ code: "CONFLICT", message: `A prompt set named "${data.name}" already exists.` });
  }
  const ids = data.prompts.map((p, i) => p.externalId ?? String(i + 1));
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new TRPCError({ code: "BAD_REQUEST", message: `prompt id "${dup}" appears twice` });
  return db.$transaction(async (tx) => {
    const set = await tx.promptSet.create({
      data: { projectId, name: data.name, description: data.description, tags: data.tags },
    });
    await tx.prompt.createMany({
      data: data.prompts.map((p, i) => ({
        promptSetId: set.id,
        externalId: ids[i]!,
        position: i,
        text: p.text,
        tags: p.tags,
        metadata: p.metadata as Prisma.InputJsonObject,
      })),
    });
    return { id: set.id, name: set.name, promptCount: data.prompts.length };
  });
}

export async function listPrompts(
  db: Db,
  projectId: string,
  promptSetId: string,
  page: { skip: number; take: number },
) {
  const set = await db.promptSet.findFirst({ where: { id: promptSetId, projectId } });
  if (!set) throw new TRPCError({ code: "NOT_FOUND", message: "Prompt set not found." });
  const [total, prompts] = await Promise.all([
    db.prompt.count({ where: { promptSetId } }),
    db.prompt.findMany({
      where: { promptSetId },
      orderBy: { position: "asc" },
      skip: page.skip,
      take: page.take,
    }),
  ]);
  return {
    set: { id: set.id, name: set.name },
    total,
    prompts: prompts.map((p) => ({ id: p.id, externalId: p.externalId, text: p.text, tags: p.tags })),
  };
}

export const setPromptSetTagsInput = z.object({
  promptSetId: z.string().min(1).max(100),
  tags: z.array(z.string().trim().min(1).max(60)).max(20),
});

/** Replaces a set's tags (e.g. marks it "red-team" for safety reviews). */
export async function setPromptSetTags(
  db: Db,
  projectId: string,
  input: z.infer<typeof setPromptSetTagsInput>,
) {
  const set = await db.promptSet.findFirst({ where: { id: input.promptSetId, projectId } });
  if (!set) throw new TRPCError({ code: "NOT_FOUND", message: "Prompt set not found." });
  const tags = [...new Set(input.tags)];
  await db.promptSet.update({ where: { id: set.id }, data: { tags } });
  return { id: set.id, tags };
}
