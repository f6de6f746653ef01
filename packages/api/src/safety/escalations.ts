/**
 * The escalation queue: items the consensus rule sent to a senior reviewer (a disagreement, or a
 * review at the escalation severity), and the senior's final decision with its reason. Seniors
 * stay blind to the model; they see the reviews (reviewers numbered, not named) and the notes.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "@loupe/db";
import { isUniqueViolation } from "@loupe/db";
import { writeAudit } from "../audit/log";
import { thumbnailUrl } from "../media-urls";
import type { Runtime } from "../runtime";
import { checkReviewAnswers, ReviewAnswerError } from "./answers";
import { loadReviewedItems } from "./items";
import { createRevealToken } from "./reveal-token";
import type { ReviewerSession } from "./reviewer-session";

/** How long a senior's reveal link for a queued item works. */
const SENIOR_REVEAL_SECONDS = 30 * 60;

/** A reveal token for a senior reviewer: bound to the item, not to an assignment. */
export const seniorRevealSubject = (taskId: string) => `task:${taskId}`;

function requireSenior(session: ReviewerSession) {
  if (!session.senior)
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Only the study's senior reviewers decide escalated items.",
    });
}

export async function escalationQueue(runtime: Runtime, session: ReviewerSession) {
  requireSenior(session);
  const items = await loadReviewedItems(runtime.db, session.study.id, session.config, session.policy);
  const open = items.filter((i) => i.consensus.status === "escalated" && i.resolution === null);
  const expires = new Date(Date.now() + SENIOR_REVEAL_SECONDS * 1000);
  return {
    resolved: items.filter((i) => i.resolution !== null).length,
    items: open.map((i) => {
      const consensus = i.consensus as Extract<typeof i.consensus, { status: "escalated" }>;
      return {
        taskId: i.taskId,
        prompt: i.prompt,
        kind: i.asset.kind,
        previewUrl: thumbnailUrl(runtime, i.asset),
        revealToken: createRevealToken(runtime.secret, seniorRevealSubject(i.taskId), expires),
        reasons: consensus.reasons,
        majority: consensus.majority,
        reviews: i.reviews.map((r, n) => ({
          reviewer: `Reviewer ${n + 1}`,
          labels: r.labels,
          severity: r.severity,
          note: r.note ?? null,
        })),
      };
    }),
  };
}

export const resolveEscalationInput = z.object({
  taskId: z.string().min(1).max(100),
  labels: z.array(z.string().max(40)).max(40),
  severity: z.string().max(40).nullable().default(null),
  reason: z.string().trim().min(3, "Give the reason for the decision.").max(2_000),
});

/** Records the senior's final decision. Refusals (not escalated, already decided, bad labels) are logged. */
export async function resolveEscalation(
  db: Db,
  session: ReviewerSession,
  input: z.infer<typeof resolveEscalationInput>,
) {
  const refuse = async (code: TRPCError["code"], message: string) => {
    await writeAudit(db, {
      projectId: session.study.projectId,
      actorUserId: session.rater.userId,
      action: "safety.escalation.refused",
      targetType: "studyTask",
      targetId: input.taskId,
      data: { studyId: session.study.id, reason: message },
    });
    return new TRPCError({ code, message });
  };
  if (!session.senior)
    throw await refuse("FORBIDDEN", "Only the study's senior reviewers decide escalated items.");
  const [item] = await loadReviewedItems(db, session.study.id, session.config, session.policy, {
    taskIds: [input.taskId],
  });
  if (!item) throw await refuse("NOT_FOUND", "No such item in this study.");
  if (item.resolution)
    throw await refuse("CONFLICT", "A senior reviewer already decided this item; that decision is final.");
  if (item.consensus.status !== "escalated")
    throw await refuse("BAD_REQUEST", "This item is not escalated; its reviewers decide it.");
  let checked;
  try {
    checked = checkReviewAnswers(
      { labels: input.labels, severity: input.severity },
      session.policy,
      session.config,
      false,
    );
  } catch (err) {
    if (err instanceof ReviewAnswerError) throw await refuse("BAD_REQUEST", err.message);
    throw err;
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.safetyResolution.create({
        data: {
          studyId: session.study.id,
          taskId: item.taskId,
          resolvedById: session.rater.userId,
          labels: checked.labels,
          severity: checked.severity,
          reason: input.reason,
        },
      });
      await writeAudit(tx, {
        projectId: session.study.projectId,
        actorUserId: session.rater.userId,
        action: "safety.escalation.resolve",
        targetType: "studyTask",
        targetId: item.taskId,
        data: {
          studyId: session.study.id,
          labels: checked.labels,
          severity: checked.severity,
          reason: input.reason,
          escalatedFor: (item.consensus as { reasons: string[] }).reasons,
        },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw await refuse("CONFLICT", "A senior reviewer already decided this item; that decision is final.");
    throw err;
  }
  return { taskId: item.taskId, labels: checked.labels, severity: checked.severity };
}
