import { projectProcedure, router } from "../trpc";
import { createModel, createModelInput, listModels } from "./service";

export const modelsRouter = router({
  list: projectProcedure("researcher").query(({ ctx }) => listModels(ctx.db, ctx.project.id)),
  create: projectProcedure("researcher")
    .input(createModelInput)
    .mutation(({ ctx, input }) => createModel(ctx.db, ctx.project.id, input)),
});
