/**
 * Safety and responsibility reviews. Policy and report procedures are project procedures (role
 * checked by tRPC); the reviewer's procedures resolve the caller against the study's reviewer
 * lists (./reviewer-session.ts), so a member who is not on a study cannot reach its items.
 */
import { z } from "zod";
import { skipTaskInput } from "../assignments/skip";
import { projectProcedure, publicProcedure, router } from "../trpc";
import { escalationQueue, resolveEscalation, resolveEscalationInput } from "./escalations";
import { reviewerCandidates, reviewsToDo } from "./my-reviews";
import { safetyAuditTrail, safetyReport } from "./report";
import {
  nextReviewItem,
  revealMedia,
  skipReviewItem,
  submitReview,
  submitReviewInput,
  undoReview,
} from "./review";
import { resolveReviewer } from "./reviewer-session";
import { currentPolicy, policyHistory, policyVersion, updatePolicy, updatePolicyInput } from "./taxonomy";

const studyIdInput = z.object({ studyId: z.string().min(1).max(100) });

const reviewerProcedure = publicProcedure.input(studyIdInput).use(async ({ ctx, input, next }) => {
  const session = await resolveReviewer(ctx.db, input.studyId, ctx.user);
  return next({ ctx: { ...ctx, session } });
});

export const safetyRouter = router({
  /** The newest policy version (reviewers read its guidance). */
  policy: projectProcedure("reviewer").query(({ ctx }) => currentPolicy(ctx.db, ctx.project.id)),
  policyVersion: projectProcedure("reviewer")
    .input(z.object({ version: z.number().int().min(1) }))
    .query(({ ctx, input }) => policyVersion(ctx.db, ctx.project.id, input.version)),
  policyHistory: projectProcedure("researcher").query(({ ctx }) => policyHistory(ctx.db, ctx.project.id)),
  updatePolicy: projectProcedure("researcher")
    .input(updatePolicyInput)
    .mutation(({ ctx, input }) => updatePolicy(ctx.db, ctx.user.id, ctx.project.id, input)),
  reviewerCandidates: projectProcedure("researcher").query(({ ctx }) =>
    reviewerCandidates(ctx.db, ctx.project.id),
  ),

  /** The studies the caller reviews in this project. */
  myReviews: projectProcedure("reviewer").query(({ ctx }) =>
    reviewsToDo(ctx.db, ctx.project.id, ctx.user.id),
  ),

  /** What the review page needs before the first item: instructions, the policy, options, progress. */
  session: reviewerProcedure.query(async ({ ctx }) => {
    const { config, policy, study, senior, rater } = ctx.session;
    return {
      status: study.status,
      instructions: config.instructions,
      policy: { version: policy.version, categories: policy.categories, severities: policy.severities },
      representation: config.representation,
      blurByDefault: config.blurByDefault,
      breakAfterExposures: config.breakAfterExposures,
      senior,
      progress: {
        done: rater.judgmentCount,
        total: await ctx.db.studyTask.count({ where: { studyId: study.id } }),
      },
    };
  }),
  next: reviewerProcedure
    .input(z.object({ exclude: z.array(z.string().max(100)).max(4).default([]) }))
    .mutation(({ ctx, input }) => nextReviewItem(ctx.runtime, ctx.session, input.exclude)),
  submit: reviewerProcedure
    .input(submitReviewInput)
    .mutation(({ ctx, input }) => submitReview(ctx.runtime, ctx.session, input)),
  skip: reviewerProcedure
    .input(skipTaskInput)
    .mutation(({ ctx, input }) => skipReviewItem(ctx.runtime, ctx.session, input)),
  undo: reviewerProcedure
    .input(z.object({ judgmentId: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) => undoReview(ctx.runtime, ctx.session, input.judgmentId)),
  /** The full media behind a reveal token (logged; refused when expired or not the caller's). */
  reveal: reviewerProcedure
    .input(z.object({ token: z.string().min(1).max(400) }))
    .mutation(({ ctx, input }) => revealMedia(ctx.runtime, ctx.session, input.token)),

  /** Senior reviewers: the open escalations, and the final decision on one. */
  escalations: reviewerProcedure.query(({ ctx }) => escalationQueue(ctx.runtime, ctx.session)),
  resolve: reviewerProcedure
    .input(resolveEscalationInput)
    .mutation(({ ctx, input }) => resolveEscalation(ctx.db, ctx.session, input)),

  /** Researchers: violation rates with intervals, comparisons, representation, agreement; CSV included. */
  report: projectProcedure("researcher")
    .input(studyIdInput)
    .query(({ ctx, input }) => safetyReport(ctx.db, ctx.project.id, input.studyId)),
  auditTrail: projectProcedure("researcher")
    .input(
      studyIdInput.extend({
        skip: z.number().int().min(0).default(0),
        take: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => safetyAuditTrail(ctx.db, ctx.project.id, input.studyId, input)),
});
