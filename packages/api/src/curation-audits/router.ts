import { z } from "zod";
import { projectProcedure, router } from "../trpc";
import { answerAuditItem, answeredAuditItem, auditVerdict, nextAuditItem } from "./answer";
import { auditSettings, createCurationAudit } from "./create-audit";
import { curationAuditTitle, listCurationAudits, myCurationAudits } from "./results";

const auditInput = z.object({ auditId: z.string().min(1) });

/**
 * Human audits of curation filters. Curators start them and read the findings; every project
 * member (rater and up) may answer, blind to what the filters decided.
 */
export const curationAuditsRouter = router({
  create: projectProcedure("curator")
    .input(z.object({ runId: z.string().min(1) }).merge(auditSettings))
    .mutation(({ ctx, input: { runId, ...settings } }) =>
      createCurationAudit(ctx.db, ctx.project.id, runId, settings, { userId: ctx.user.id }),
    ),
  /** A run's audits with their progress and each filter's measured precision. */
  list: projectProcedure("curator")
    .input(z.object({ runId: z.string().min(1) }))
    .query(({ ctx, input }) => listCurationAudits(ctx.db, ctx.project.id, input.runId)),
  /** Audits in which the caller still has items to answer. */
  mine: projectProcedure("rater").query(({ ctx }) => myCurationAudits(ctx.db, ctx.project.id, ctx.user.id)),
  title: projectProcedure("rater")
    .input(auditInput)
    .query(({ ctx, input }) => curationAuditTitle(ctx.db, ctx.project.id, input.auditId)),
  next: projectProcedure("rater")
    .input(auditInput)
    .query(({ ctx, input }) => nextAuditItem(ctx.runtime, ctx.project.id, input.auditId, ctx.user.id)),
  /** An item the caller answered, to look at again (undo). */
  answered: projectProcedure("rater")
    .input(auditInput.extend({ itemId: z.string().min(1) }))
    .query(({ ctx, input }) =>
      answeredAuditItem(ctx.runtime, ctx.project.id, input.auditId, input.itemId, ctx.user.id),
    ),
  answer: projectProcedure("rater")
    .input(auditInput.extend({ itemId: z.string().min(1), verdict: auditVerdict }))
    .mutation(({ ctx, input }) =>
      answerAuditItem(ctx.db, ctx.project.id, input.auditId, input.itemId, ctx.user.id, input.verdict),
    ),
});
