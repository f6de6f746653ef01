/**
 * The rater's API. Every response here is blind (see ./task-view.ts): instructions, questions,
 * progress and tasks, never a model, output, asset or task id. The rater is resolved from the
 * study's rater cookie or, for project members, from their session.
 */
import { z } from "zod";
import { toRaterAnswers, type StoredAnswers } from "../assignments/answers";
import { skipTask, skipTaskInput } from "../assignments/skip";
import { submitJudgment, submitJudgmentInput } from "../judgments/submit";
import { undoJudgment } from "../judgments/undo";
import { projectProcedure, publicProcedure, router } from "../trpc";
import { requestResultsRefreshQuietly } from "../results/refresh-requests";
import { studiesToRate } from "./member-studies";
import { pairwiseConfigOf } from "../studies/service";
import { studyTemplate } from "../studies/templates";
import { nextTask, raterProgress } from "./next-task";
import { resolveRater } from "./rater-session";
import { buildTaskView } from "./task-view";

const raterProcedure = publicProcedure
  .input(z.object({ studyId: z.string().min(1).max(100) }))
  .use(async ({ ctx, input, next }) => {
    const session = await resolveRater(ctx.db, input.studyId, ctx.headers, ctx.user);
    return next({ ctx: { ...ctx, session, config: pairwiseConfigOf(session.study) } });
  });

export const ratingRouter = router({
  /** For project members: the studies they can rate now, with their progress (no study names). */
  myStudies: projectProcedure("rater").query(({ ctx }) => studiesToRate(ctx.db, ctx.project.id, ctx.user.id)),

  /** What the rating page needs before the first task: instructions, questions, progress. */
  session: raterProcedure.query(async ({ ctx }) => {
    const { config, session } = ctx;
    return {
      status: session.study.status,
      instructions: config.instructions,
      mediaKind: studyTemplate(config.template).mediaKind,
      axes: config.axes.map((a) => ({
        id: a.id,
        label: a.label ?? a.id,
        question: a.question,
        scale: a.scale,
        required: a.required,
      })),
      breakEveryMinutes: config.breakEveryMinutes,
      progress: await raterProgress(ctx.db, session.study, session.rater),
    };
  }),

  /** The next task (the one on screen is passed in `exclude` when prefetching). */
  next: raterProcedure
    .input(z.object({ exclude: z.array(z.string().max(100)).max(4).default([]) }))
    .mutation(({ ctx, input }) => nextTask(ctx.runtime, ctx.session, input.exclude)),

  submit: raterProcedure.input(submitJudgmentInput).mutation(async ({ ctx, input }) => {
    const { judgmentId, duplicate, raterJudgments } = await submitJudgment(
      ctx.db,
      ctx.session.rater,
      ctx.config,
      input,
    );
    // The leaderboard follows the judgments (debounced: at most one request per few seconds).
    if (!duplicate) requestResultsRefreshQuietly(ctx.db, ctx.session.study.id);
    return {
      judgmentId,
      duplicate,
      progress: await raterProgress(ctx.db, ctx.session.study, { judgmentCount: raterJudgments }),
    };
  }),

  skip: raterProcedure
    .input(skipTaskInput)
    .mutation(({ ctx, input }) => skipTask(ctx.db, ctx.session.rater, input)),

  undo: raterProcedure
    .input(z.object({ judgmentId: z.string().min(1).max(100) }))
    .mutation(async ({ ctx, input }) => {
      const { lease, previous, raterJudgments } = await undoJudgment(
        ctx.db,
        ctx.session.rater,
        ctx.config.leaseSeconds,
        input.judgmentId,
      );
      const previousAnswers = toRaterAnswers(previous.answers as StoredAnswers, previous.swapped);
      requestResultsRefreshQuietly(ctx.db, ctx.session.study.id);
      return {
        task: await buildTaskView(ctx.runtime, ctx.db, lease, ctx.config.referenceRoles, previousAnswers),
        progress: await raterProgress(ctx.db, ctx.session.study, { judgmentCount: raterJudgments }),
      };
    }),
});
