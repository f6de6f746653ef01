/**
 * Answering a filter audit, for any project member: the next item that still wants answers and
 * that this member has not answered (in the audit's shuffled order), and the member's answer —
 * "should this have been dropped?": drop, keep or unsure. Blind: what a member is shown names no
 * file, stage, reason or score, and does not say whether the item was kept or dropped. Answering
 * an item again changes the member's answer; it never counts twice.
 */
import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "@loupe/db";
import type { Runtime } from "../runtime";
import { originalUrl, thumbnailUrl } from "../media-urls";

export const AUDIT_VERDICTS = ["drop", "keep", "unsure"] as const;
export const auditVerdict = z.enum(AUDIT_VERDICTS);

async function openAuditOf(db: Db, projectId: string, auditId: string) {
  const audit = await db.curationAudit.findFirst({ where: { id: auditId, projectId } });
  if (!audit) throw new TRPCError({ code: "NOT_FOUND", message: "No such filter audit in this project." });
  if (audit.status !== "open")
    throw new TRPCError({
      code: "CONFLICT",
      message:
        audit.status === "preparing"
          ? "The audit is still being prepared; try again in a moment."
          : `The audit could not be prepared: ${audit.error ?? "unknown error"}`,
    });
  return audit;
}

type ItemRow = {
  id: string;
  mediaKind: string;
  mediaSha256: string;
  mediaMime: string;
  thumbnailSha256: string | null;
  pairedMediaSha256: string | null;
  pairedMediaMime: string | null;
};

/** What a member sees of an item: its media only. */
function itemView(runtime: Pick<Runtime, "secret">, item: ItemRow) {
  return {
    id: item.id,
    kind: item.mediaKind === "video" ? ("video" as const) : ("image" as const),
    mediaUrl: originalUrl(runtime, { sha256: item.mediaSha256, mime: item.mediaMime }),
    posterUrl: thumbnailUrl(runtime, item),
    /** Near-duplicates: the item their cluster kept, to compare with. */
    pairedMediaUrl:
      item.pairedMediaSha256 && item.pairedMediaMime
        ? originalUrl(runtime, { sha256: item.pairedMediaSha256, mime: item.pairedMediaMime })
        : null,
  };
}

export type AuditItemView = ReturnType<typeof itemView>;

export async function nextAuditItem(
  runtime: Pick<Runtime, "db" | "secret">,
  projectId: string,
  auditId: string,
  userId: string,
) {
  const { db } = runtime;
  const audit = await openAuditOf(db, projectId, auditId);
  const [item, total, answeredByMe] = await Promise.all([
    db.curationAuditItem.findFirst({
      where: { auditId, answerCount: { lt: audit.answersPerItem }, answers: { none: { userId } } },
      orderBy: [{ answerCount: "asc" }, { position: "asc" }, { id: "asc" }],
    }),
    db.curationAuditItem.count({ where: { auditId } }),
    db.curationAuditAnswer.count({ where: { userId, item: { auditId } } }),
  ]);
  return {
    item: item ? itemView(runtime, item) : null,
    progress: { answeredByMe, items: total, answersPerItem: audit.answersPerItem },
  };
}

/** An item this member answered (to look at it again and change the answer). */
export async function answeredAuditItem(
  runtime: Pick<Runtime, "db" | "secret">,
  projectId: string,
  auditId: string,
  itemId: string,
  userId: string,
) {
  await openAuditOf(runtime.db, projectId, auditId);
  const answer = await runtime.db.curationAuditAnswer.findFirst({
    where: { userId, auditItemId: itemId, item: { auditId } },
    include: { item: true },
  });
  if (!answer) throw new TRPCError({ code: "NOT_FOUND", message: "You have not answered that item." });
  return { item: itemView(runtime, answer.item), verdict: answer.verdict };
}

export async function answerAuditItem(
  db: Db,
  projectId: string,
  auditId: string,
  itemId: string,
  userId: string,
  verdict: z.infer<typeof auditVerdict>,
) {
  await openAuditOf(db, projectId, auditId);
  const item = await db.curationAuditItem.findFirst({ where: { id: itemId, auditId }, select: { id: true } });
  if (!item) throw new TRPCError({ code: "NOT_FOUND", message: "No such item in this audit." });
  // One statement decides insert-or-change, so a retried or doubled request never counts twice:
  // xmax is 0 only on a freshly inserted row.
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ inserted: boolean }[]>`
      INSERT INTO "CurationAuditAnswer" ("id", "auditItemId", "userId", "verdict", "updatedAt")
      VALUES (${crypto.randomUUID()}, ${itemId}, ${userId}, ${verdict}::"CurationAuditVerdict", now())
      ON CONFLICT ("auditItemId", "userId")
      DO UPDATE SET "verdict" = EXCLUDED."verdict", "updatedAt" = now()
      RETURNING (xmax = 0) AS inserted`;
    if (row!.inserted)
      await tx.curationAuditItem.update({ where: { id: itemId }, data: { answerCount: { increment: 1 } } });
    return { changed: !row!.inserted };
  });
}
