import { z } from "zod";
import { enqueueJob, jobDefinitions, listJobRuns } from "@loupe/jobs";
import { projectProcedure, router } from "../trpc";

export const jobsRouter = router({
  list: projectProcedure("researcher")
    .input(z.object({ take: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listJobRuns(ctx.db, ctx.project.id, input.take)),
  verifyMedia: projectProcedure("researcher").mutation(async ({ ctx }) => {
    const run = await enqueueJob(
      ctx.db,
      jobDefinitions.verifyMedia,
      { projectId: ctx.project.id },
      { projectId: ctx.project.id },
    );
    return { id: run.id };
  }),
});
