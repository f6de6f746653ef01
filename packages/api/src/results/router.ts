/** Results and leaderboards: researchers read them; a share link opens one study's read-only. */
import { z } from "zod";
import { projectProcedure, publicProcedure, router } from "../trpc";
import { findStudy } from "../studies/service";
import {
  getSharedResults,
  getStudyResults,
  listLeaderboards,
  planInput,
  planStudy,
  projectLeaderboard,
  projectLeaderboardInput,
} from "./read";
import { requestResultsRefresh } from "./refresh-requests";
import { createResultsShare, listResultsShares, revokeResultsShare } from "./shares";

const studyIdInput = z.object({ studyId: z.string().min(1).max(100) });

export const resultsRouter = router({
  get: projectProcedure("researcher")
    .input(studyIdInput)
    .query(({ ctx, input }) => getStudyResults(ctx.db, ctx.project.id, input.studyId)),

  /** "Recompute now": queues the computation without the usual wait for more judgments. */
  refresh: projectProcedure("researcher")
    .input(studyIdInput)
    .mutation(async ({ ctx, input }) => {
      await findStudy(ctx.db, ctx.project.id, input.studyId);
      await requestResultsRefresh(ctx.db, input.studyId, { immediately: true });
    }),

  plan: projectProcedure("researcher")
    .input(planInput)
    .query(({ ctx, input }) => planStudy(ctx.db, ctx.project.id, input)),

  boards: projectProcedure("researcher").query(({ ctx }) => listLeaderboards(ctx.db, ctx.project.id)),
  project: projectProcedure("researcher")
    .input(projectLeaderboardInput)
    .query(({ ctx, input }) => projectLeaderboard(ctx.db, ctx.project.id, input)),

  shares: projectProcedure("researcher")
    .input(studyIdInput)
    .query(({ ctx, input }) => listResultsShares(ctx.db, ctx.project.id, input.studyId)),
  share: projectProcedure("researcher")
    .input(studyIdInput)
    .mutation(({ ctx, input }) => createResultsShare(ctx.db, ctx.user.id, ctx.project.id, input.studyId)),
  unshare: projectProcedure("researcher")
    .input(studyIdInput.extend({ shareId: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) =>
      revokeResultsShare(ctx.db, ctx.user.id, ctx.project.id, input.studyId, input.shareId),
    ),

  /** What a share link shows; anyone holding the token may read it. */
  shared: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => getSharedResults(ctx.db, input.token)),
});
