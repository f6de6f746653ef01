import { z } from "zod";
import { projectProcedure, router } from "../trpc";
import { cancelGenerationJob, resumeGenerationJob } from "./control";
import { createGenerationJob, createGenerationJobInput } from "./create-job";
import { getGenerationJob, listGenerationJobs } from "./progress";

const jobInput = z.object({ jobId: z.string().min(1) });

export const generationRouter = router({
  list: projectProcedure("researcher").query(({ ctx }) => listGenerationJobs(ctx.db, ctx.project.id)),
  get: projectProcedure("researcher")
    .input(jobInput)
    .query(({ ctx, input }) => getGenerationJob(ctx.db, ctx.project.id, input.jobId)),
  create: projectProcedure("researcher")
    .input(createGenerationJobInput)
    .mutation(({ ctx, input }) =>
      createGenerationJob(ctx.db, ctx.project.id, input, { userId: ctx.user.id }),
    ),
  cancel: projectProcedure("researcher")
    .input(jobInput)
    .mutation(({ ctx, input }) =>
      cancelGenerationJob(ctx.db, ctx.project.id, input.jobId, { userId: ctx.user.id }),
    ),
  resume: projectProcedure("researcher")
    .input(jobInput)
    .mutation(({ ctx, input }) =>
      resumeGenerationJob(ctx.db, ctx.project.id, input.jobId, { userId: ctx.user.id }),
    ),
});
