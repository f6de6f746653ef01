import { z } from "zod";
import { projectProcedure, router } from "../trpc";
import {
  createPromptSet,
  createPromptSetInput,
  listPrompts,
  listPromptSets,
  setPromptSetTags,
  setPromptSetTagsInput,
} from "./service";

export const promptSetsRouter = router({
  list: projectProcedure("curator").query(({ ctx }) => listPromptSets(ctx.db, ctx.project.id)),
  prompts: projectProcedure("curator")
    .input(
      z.object({
        promptSetId: z.string(),
        skip: z.number().int().min(0).default(0),
        take: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(({ ctx, input }) => listPrompts(ctx.db, ctx.project.id, input.promptSetId, input)),
  create: projectProcedure("curator")
    .input(createPromptSetInput)
    .mutation(({ ctx, input }) => createPromptSet(ctx.db, ctx.project.id, input)),
  setTags: projectProcedure("curator")
    .input(setPromptSetTagsInput)
    .mutation(({ ctx, input }) => setPromptSetTags(ctx.db, ctx.project.id, input)),
});
