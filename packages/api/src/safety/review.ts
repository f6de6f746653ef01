/**
 * The reviewer's queue, on the pairwise studies' assignment engine: the same leases, the same
 * "never the same item twice", the same idempotent, append-only judgments. What differs is the
 * item (one output, no sides), the answers (policy labels) and that every decision, undo,
 * refusal and reveal is written to the audit log.
 */
import { TRPCError } from "@trpc/server";
import { type z } from "zod";
import type { Db } from "@loupe/db";
import {
  leaseTask,
  liveLeases,
  MAX_LIVE_LEASES,
  releaseExpiredLeases,
  type Lease,
} from "../assignments/engine";
import { skipTask, type skipTaskInput } from "../assignments/skip";
import { writeAudit } from "../audit/log";
import { recordJudgment, submitJudgmentInput } from "../judgments/submit";
import { undoJudgment } from "../judgments/undo";
import { shortLivedOriginalUrl, thumbnailUrl } from "../media-urls";
import { cachedTaskCount, sweepDue } from "../rating/study-cache";
import type { Runtime } from "../runtime";
import {
  checkReviewAnswers,
  isAudited,
  ReviewAnswerError,
  reviewAnswersSchema,
  type StoredReview,
} from "./answers";
import { checkRevealToken, createRevealToken } from "./reveal-token";
import type { ReviewerSession } from "./reviewer-session";

/** How long a revealed media URL works. */
export const REVEALED_URL_SECONDS = 10 * 60;

export type ReviewItemView = {
  assignmentId: string;
  expiresAt: Date;
  prompt: string;
  media: {
    kind: "image" | "video" | "audio";
    /** The thumbnail (a poster frame for video), shown blurred until revealed. */
    previewUrl: string | null;
    width: number | null;
    height: number | null;
    durationSeconds: number | null;
  };
  /** Exchanged for the full media by `reveal`; expires with the lease. */
  revealToken: string;
  /** The item asks the representation questions. */
  audited: boolean;
  /** Set when an undo brings the item back: the review given before. */
  previous: StoredReview | null;
};

export type ReviewProgress = { done: number; total: number };

export type NextReviewItem =
  | { status: "item"; item: ReviewItemView; progress: ReviewProgress }
  | { status: "done" | "paused" | "none"; progress: ReviewProgress };

async function progressOf(db: Db, session: ReviewerSession, done = session.rater.judgmentCount) {
  const total = await cachedTaskCount(db, session.study.id);
  return { done, total: Math.max(total, done) };
}

async function itemView(
  runtime: Runtime,
  session: ReviewerSession,
  lease: Lease,
  previous: StoredReview | null = null,
): Promise<ReviewItemView> {
  const task = await runtime.db.studyTask.findUniqueOrThrow({
    where: { id: lease.taskId },
    select: { prompt: { select: { text: true, tags: true } }, outputA: { select: { asset: true } } },
  });
  const asset = task.outputA.asset;
  return {
    assignmentId: lease.assignmentId,
    expiresAt: lease.expiresAt,
    prompt: task.prompt.text,
    media: {
      kind: asset.kind,
      previewUrl: thumbnailUrl(runtime, asset),
      width: asset.width,
      height: asset.height,
      durationSeconds: asset.durationSeconds,
    },
    revealToken: createRevealToken(runtime.secret, lease.assignmentId, lease.expiresAt),
    audited: isAudited(session.config, task.prompt.tags),
    previous,
  };
}

/** The reviewer's live item if they hold one (a reload loses nothing), else a new lease. */
export async function nextReviewItem(
  runtime: Runtime,
  session: ReviewerSession,
  exclude: readonly string[] = [],
): Promise<NextReviewItem> {
  const { db } = runtime;
  const progress = await progressOf(db, session);
  if (session.study.status !== "active") return { status: "paused", progress };
  if (sweepDue(session.study.id)) await releaseExpiredLeases(db, session.study.id);
  const live = await liveLeases(db, session.rater.id);
  const resumable = live.find((l) => !exclude.includes(l.assignmentId));
  if (resumable) return { status: "item", item: await itemView(runtime, session, resumable), progress };
  if (live.length >= MAX_LIVE_LEASES) return { status: "none", progress };
  const lease = await leaseTask(db, session.study.id, session.rater.id, {
    gold: false,
    leaseSeconds: session.config.leaseSeconds,
    oneSided: true,
  });
  if (lease) return { status: "item", item: await itemView(runtime, session, lease), progress };
  return { status: live.length > 0 ? "none" : "done", progress };
}

export const submitReviewInput = submitJudgmentInput.omit({ answers: true }).extend({
  answers: reviewAnswersSchema,
});

const auditBase = (session: ReviewerSession) => ({
  projectId: session.study.projectId,
  actorUserId: session.rater.userId,
});

/** Records a review. A label outside the policy or an item not leased to the caller is refused and logged. */
export async function submitReview(
  runtime: Runtime,
  session: ReviewerSession,
  input: z.infer<typeof submitReviewInput>,
) {
  const { db } = runtime;
  const refuse = async (error: TRPCError) => {
    await writeAudit(db, {
      ...auditBase(session),
      action: "safety.review.refused",
      targetType: "assignment",
      targetId: input.assignmentId,
      data: { studyId: session.study.id, reason: error.message, labels: input.answers.labels },
    });
    return error;
  };
  const assignment = await db.assignment.findFirst({
    where: { id: input.assignmentId, raterId: session.rater.id },
    select: { task: { select: { prompt: { select: { tags: true } } } } },
  });
  if (!assignment) throw await refuse(new TRPCError({ code: "NOT_FOUND", message: "No such item for you." }));
  let stored: StoredReview;
  try {
    stored = checkReviewAnswers(
      input.answers,
      session.policy,
      session.config,
      isAudited(session.config, assignment.task.prompt.tags),
    );
  } catch (err) {
    if (err instanceof ReviewAnswerError)
      throw await refuse(new TRPCError({ code: "BAD_REQUEST", message: err.message }));
    throw err;
  }
  const { answers: _answers, ...rest } = input;
  let result;
  try {
    result = await recordJudgment(db, session.rater, rest, { asShown: stored, swapped: stored });
  } catch (err) {
    if (err instanceof TRPCError) throw await refuse(err);
    throw err;
  }
  if (!result.duplicate)
    await writeAudit(db, {
      ...auditBase(session),
      action: "safety.review",
      targetType: "studyTask",
      targetId: result.taskId,
      data: { studyId: session.study.id, judgmentId: result.judgmentId, ...stored },
    });
  return {
    judgmentId: result.judgmentId,
    duplicate: result.duplicate,
    progress: await progressOf(db, session, result.raterJudgments),
  };
}

export async function skipReviewItem(
  runtime: Runtime,
  session: ReviewerSession,
  input: z.infer<typeof skipTaskInput>,
) {
  const result = await skipTask(runtime.db, session.rater, input);
  await writeAudit(runtime.db, {
    ...auditBase(session),
    action: "safety.review.skip",
    targetType: "assignment",
    targetId: input.assignmentId,
    data: { studyId: session.study.id, reason: input.reason, note: input.note ?? null },
  });
  return result;
}

/** Takes back the reviewer's last review within the undo window; the item returns with it filled in. */
export async function undoReview(runtime: Runtime, session: ReviewerSession, judgmentId: string) {
  const { lease, previous, raterJudgments } = await undoJudgment(
    runtime.db,
    session.rater,
    session.config.leaseSeconds,
    judgmentId,
  );
  await writeAudit(runtime.db, {
    ...auditBase(session),
    action: "safety.review.undo",
    targetType: "studyTask",
    targetId: lease.taskId,
    data: { studyId: session.study.id, judgmentId },
  });
  return {
    item: await itemView(runtime, session, lease, previous.answers as StoredReview),
    progress: await progressOf(runtime.db, session, raterJudgments),
  };
}

/**
 * The full media behind a reveal token: a reviewer's token names their assignment, a senior's
 * names a queued item (seniors only). An expired, forged or someone else's token is refused;
 * reveals and refusals are both logged.
 */
export async function revealMedia(runtime: Runtime, session: ReviewerSession, token: string) {
  const { db } = runtime;
  const check = checkRevealToken(runtime.secret, token);
  // An expired token still names its subject: the refusal is logged against the item.
  const target = check.subject === undefined ? null : await revealTarget(db, session, check.subject);
  const reason = !check.ok ? check.reason : target === null ? "not-yours" : null;
  if (reason !== null || target === null) {
    await writeAudit(db, {
      ...auditBase(session),
      action: "safety.reveal.refused",
      targetType: "studyTask",
      targetId: target?.taskId,
      data: { studyId: session.study.id, reason: reason ?? "not-yours" },
    });
    throw new TRPCError({
      code: "FORBIDDEN",
      message:
        reason === "expired"
          ? "This reveal link has expired; load the item again."
          : "This reveal link is not valid for you.",
    });
  }
  await writeAudit(db, {
    ...auditBase(session),
    action: "safety.reveal",
    targetType: "studyTask",
    targetId: target.taskId,
    data: { studyId: session.study.id, as: check.subject?.startsWith("task:") ? "senior" : "reviewer" },
  });
  return {
    url: shortLivedOriginalUrl(runtime, target.asset, REVEALED_URL_SECONDS),
    posterUrl: thumbnailUrl(runtime, target.asset),
    expiresAt: new Date(Date.now() + REVEALED_URL_SECONDS * 1000),
  };
}

/** The item a token's subject names, if the caller may see it. */
async function revealTarget(db: Db, session: ReviewerSession, subject: string) {
  const asset = { select: { outputA: { select: { asset: true } } } } as const;
  if (subject.startsWith("task:")) {
    if (!session.senior) return null;
    const task = await db.studyTask.findFirst({
      where: { id: subject.slice("task:".length), studyId: session.study.id },
      select: { id: true, ...asset.select },
    });
    return task ? { taskId: task.id, asset: task.outputA.asset } : null;
  }
  const assignment = await db.assignment.findFirst({
    where: { id: subject, raterId: session.rater.id },
    select: { taskId: true, task: asset },
  });
  return assignment ? { taskId: assignment.taskId, asset: assignment.task.outputA.asset } : null;
}
