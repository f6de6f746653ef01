import { projectProcedure, router } from "../trpc";
import { createStudy, createStudyInput, listStudies } from "./service";

export const studiesRouter = router({
  list: projectProcedure("researcher").query(({ ctx }) => listStudies(ctx.db, ctx.project.id)),
  create: projectProcedure("researcher")
    .input(createStudyInput)
    .mutation(({ ctx, input }) => createStudy(ctx.db, ctx.user.id, ctx.project.id, input)),
});
