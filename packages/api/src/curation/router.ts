import { z } from "zod";
import { projectProcedure, router } from "../trpc";
import { cancelCurationRun, pauseCurationRun, resumeCurationRun } from "./control";
import { createCurationRun } from "./create-run";
import { thumbnailUrl } from "../media-urls";
import { projectCurationFunnel, stageChanges } from "./project-funnel";
import { getCurationRun, listCurationRuns } from "./read";
import { stageCatalogue } from "./stage-catalogue";

const runInput = z.object({ runId: z.string().min(1) });

/**
 * Curation runs, for curators. A run started here may read only the instance's curation roots
 * (LOUPE_CURATION_ROOTS); the definition is checked whole (stages, options, source) before any work.
 */
export const curationRouter = router({
  /** What a pipeline can use here: the folders runs may read, and every stage (image and video) with its options. */
  catalogue: projectProcedure("curator").query(({ ctx }) => ({
    roots: ctx.runtime.curationRoots,
    stages: stageCatalogue("image"),
    videoStages: stageCatalogue("video"),
  })),
  list: projectProcedure("curator").query(({ ctx }) => listCurationRuns(ctx.db, ctx.project.id)),
  get: projectProcedure("curator")
    .input(runInput)
    .query(({ ctx, input }) =>
      getCurationRun(ctx.db, ctx.project.id, input.runId, {
        thumbnailUrl: (sha256) => thumbnailUrl(ctx.runtime, { thumbnailSha256: sha256 })!,
      }),
    ),
  /** The funnel the run would give with some stage options changed, from its recorded measurements. */
  projectFunnel: projectProcedure("curator")
    .input(runInput.extend({ changes: stageChanges }))
    .query(({ ctx, input }) =>
      projectCurationFunnel(ctx.runtime, ctx.project.id, input.runId, input.changes),
    ),
  create: projectProcedure("curator")
    .input(z.object({ definition: z.unknown() }))
    .mutation(({ ctx, input }) =>
      createCurationRun(
        ctx.db,
        ctx.project.id,
        input.definition,
        { roots: ctx.runtime.curationRoots, buckets: ctx.runtime.curationBuckets },
        { userId: ctx.user.id },
      ),
    ),
  pause: projectProcedure("curator")
    .input(runInput)
    .mutation(({ ctx, input }) =>
      pauseCurationRun(ctx.db, ctx.project.id, input.runId, { userId: ctx.user.id }),
    ),
  resume: projectProcedure("curator")
    .input(runInput)
    .mutation(({ ctx, input }) =>
      resumeCurationRun(ctx.db, ctx.project.id, input.runId, { userId: ctx.user.id }),
    ),
  cancel: projectProcedure("curator")
    .input(runInput)
    .mutation(({ ctx, input }) =>
      cancelCurationRun(ctx.db, ctx.project.id, input.runId, { userId: ctx.user.id }),
    ),
});
