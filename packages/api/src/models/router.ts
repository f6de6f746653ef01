import { projectProcedure, router } from "../trpc";
import { createModel, createModelInput, listModels, setModelAdapter, setModelAdapterInput } from "./service";

export const modelsRouter = router({
  list: projectProcedure("researcher").query(({ ctx }) => listModels(ctx.db, ctx.project.id)),
  create: projectProcedure("researcher")
    .input(createModelInput)
    .mutation(({ ctx, input }) => createModel(ctx.db, ctx.project.id, input)),
  setAdapter: projectProcedure("researcher")
    .input(setModelAdapterInput)
    .mutation(({ ctx, input }) => setModelAdapter(ctx.db, ctx.project.id, input, ctx.membership.role)),
});
