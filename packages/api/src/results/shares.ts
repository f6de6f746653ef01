/**
 * Read-only share links for a study's leaderboard (`/share/<token>`): anyone with the link sees
 * the results — ratings, intervals, agreement, breakdowns — and nothing else of the project (no
 * raters, prompts' media or settings). Only a hash of the token is stored, so the link is shown
 * once; revoking it takes effect on the next request.
 */
import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { Db } from "@loupe/db";
import { writeAudit } from "../audit/log";
import { findStudy } from "../studies/service";

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export const sharePath = (token: string) => `/share/${token}`;

export async function createResultsShare(
  db: Db,
  actorUserId: string | null,
  projectId: string,
  studyId: string,
) {
  await findStudy(db, projectId, studyId);
  const token = crypto.randomBytes(24).toString("base64url");
  const share = await db.resultsShare.create({
    data: { studyId, tokenHash: hashToken(token), createdById: actorUserId },
  });
  await writeAudit(db, {
    projectId,
    actorUserId,
    action: "results.share",
    targetType: "resultsShare",
    targetId: share.id,
    data: { studyId },
  });
  return { id: share.id, path: sharePath(token), createdAt: share.createdAt };
}

export async function listResultsShares(db: Db, projectId: string, studyId: string) {
  await findStudy(db, projectId, studyId);
  return db.resultsShare.findMany({
    where: { studyId },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, revokedAt: true },
  });
}

export async function revokeResultsShare(
  db: Db,
  actorUserId: string | null,
  projectId: string,
  studyId: string,
  shareId: string,
) {
  await findStudy(db, projectId, studyId);
  const revoked = await db.resultsShare.updateMany({
    where: { id: shareId, studyId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count === 0) throw new TRPCError({ code: "NOT_FOUND", message: "No such active share link." });
  await writeAudit(db, {
    projectId,
    actorUserId,
    action: "results.unshare",
    targetType: "resultsShare",
    targetId: shareId,
    data: { studyId },
  });
}

/** The study a share token opens, or null for an unknown or revoked link. */
export async function studyOfShareToken(db: Db, token: string): Promise<string | null> {
  if (token.length > 100) return null;
  const share = await db.resultsShare.findUnique({ where: { tokenHash: hashToken(token) } });
  return share && !share.revokedAt ? share.studyId : null;
}
