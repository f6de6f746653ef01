/**
 * Invite links for external raters (`/i/<token>`): a rater identity scoped to one study, without
 * an account. A link can carry a cap on how many raters join through it and the name of a URL
 * parameter holding the rater's worker id (Prolific's PROLIFIC_PID, MTurk's workerId); the same
 * worker id opening the link again is the same rater, so a cap counts people, not page loads.
 */
import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { isUniqueViolation, type Db } from "@loupe/db";
import { writeAudit } from "../audit/log";
import { hashRaterToken, newRaterToken } from "../rating/rater-session";
import { findStudy } from "../studies/service";

export const createInviteInput = z.object({
  studyId: z.string(),
  label: z.string().trim().max(100).default(""),
  maxRaters: z.number().int().min(1).max(1_000_000).nullable().default(null),
  externalIdParam: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, "a URL parameter name: letters, digits, _ and -")
    .nullable()
    .default(null),
  completionCode: z.string().trim().min(1).max(100).optional(),
});

const completionCode = () => crypto.randomBytes(5).toString("hex").toUpperCase();

export async function createInvite(
  db: Db,
  actorUserId: string | null,
  projectId: string,
  input: z.input<typeof createInviteInput>,
) {
  const data = createInviteInput.parse(input);
  const study = await findStudy(db, projectId, data.studyId);
  // Safety items are reviewed by named project members only, never through a public link.
  if (study.kind !== "pairwise")
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Safety reviews have no invite links; name the reviewers in the study instead.",
    });
  const invite = await db.studyInvite.create({
    data: {
      studyId: data.studyId,
      token: crypto.randomBytes(18).toString("base64url"),
      label: data.label,
      maxRaters: data.maxRaters,
      externalIdParam: data.externalIdParam,
      completionCode: data.completionCode ?? completionCode(),
      createdById: actorUserId,
    },
  });
  await writeAudit(db, {
    projectId,
    actorUserId,
    action: "invite.create",
    targetType: "studyInvite",
    targetId: invite.id,
    data: { studyId: data.studyId, maxRaters: data.maxRaters },
  });
  return inviteView(invite);
}

function inviteView(i: {
  id: string;
  token: string;
  label: string;
  maxRaters: number | null;
  raterCount: number;
  externalIdParam: string | null;
  completionCode: string;
  revokedAt: Date | null;
  createdAt: Date;
}) {
  const query = i.externalIdParam ? `?${i.externalIdParam}={{${i.externalIdParam}}}` : "";
  return {
    id: i.id,
    path: `/i/${i.token}${query}`,
    label: i.label,
    maxRaters: i.maxRaters,
    raterCount: i.raterCount,
    externalIdParam: i.externalIdParam,
    completionCode: i.completionCode,
    revoked: i.revokedAt !== null,
    createdAt: i.createdAt,
  };
}

export async function listInvites(db: Db, projectId: string, studyId: string) {
  await findStudy(db, projectId, studyId);
  const rows = await db.studyInvite.findMany({ where: { studyId }, orderBy: { createdAt: "asc" } });
  return rows.map(inviteView);
}

export async function revokeInvite(db: Db, actorUserId: string | null, projectId: string, inviteId: string) {
  const invite = await db.studyInvite.findFirst({ where: { id: inviteId, study: { projectId } } });
  if (!invite) throw new TRPCError({ code: "NOT_FOUND", message: "Invite not found." });
  await db.studyInvite.update({
    where: { id: inviteId },
    data: { revokedAt: invite.revokedAt ?? new Date() },
  });
  await writeAudit(db, {
    projectId,
    actorUserId,
    action: "invite.revoke",
    targetType: "studyInvite",
    targetId: inviteId,
  });
  return { id: inviteId, revoked: true };
}

export type InviteProblem = "invalid" | "inactive" | "worker-id" | "full";

export class InviteError extends Error {
  override name = "InviteError";
  constructor(
    readonly problem: InviteProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Opening an invite link: returns the study and a new session token for the rater (set as a
 * cookie by the caller). Refuses a revoked link, a study that is not running, a missing worker
 * id, and a link past its cap — counted atomically, so concurrent openings cannot overshoot it.
 */
export async function redeemInvite(
  db: Db,
  token: string,
  searchParams: URLSearchParams,
): Promise<{ studyId: string; sessionToken: string }> {
  const invite = await db.studyInvite.findUnique({ where: { token }, include: { study: true } });
  if (!invite || invite.revokedAt)
    throw new InviteError("invalid", "This invite link is not valid (anymore).");
  if (invite.study.status !== "active")
    throw new InviteError("inactive", "This study is not taking raters right now.");
  let externalId: string | null = null;
  if (invite.externalIdParam) {
    externalId = searchParams.get(invite.externalIdParam)?.trim() || null;
    if (!externalId || externalId.length > 200)
      throw new InviteError(
        "worker-id",
        `This link needs your worker id in the "${invite.externalIdParam}" parameter.`,
      );
  }
  const sessionToken = newRaterToken();
  const sessionTokenHash = hashRaterToken(sessionToken);

  // Two single statements rather than an interactive transaction: a burst of raters opening
  // one link (a crowd-work launch) all update the same invite row, and an interactive
  // transaction would hold a pooled connection while it waits for that row lock — at 200
  // openings at once the pool ran dry and Prisma gave up waiting for a connection.
  const join = async () => {
    if (externalId) {
      const refreshed = await db.$executeRaw`
        UPDATE "Rater" SET "sessionTokenHash" = ${sessionTokenHash}, "lastSeenAt" = now()
        WHERE "studyId" = ${invite.studyId} AND "externalId" = ${externalId}`;
      if (refreshed > 0) return { studyId: invite.studyId, sessionToken };
    }
    // Claiming a place under the cap and creating the rater is one statement, so a failed insert
    // (a unique violation) takes its claim back with it.
    const joined = await db.$executeRaw`
      WITH claimed AS (
        UPDATE "StudyInvite" SET "raterCount" = "raterCount" + 1
        WHERE id = ${invite.id} AND "revokedAt" IS NULL AND ("maxRaters" IS NULL OR "raterCount" < "maxRaters")
        RETURNING id, "studyId"
      )
      INSERT INTO "Rater" (id, "studyId", "inviteId", "externalId", "sessionTokenHash")
      SELECT ${crypto.randomUUID()}, "studyId", id, ${externalId}, ${sessionTokenHash} FROM claimed`;
    if (joined === 0) throw new InviteError("full", "This invite link has reached its limit of raters.");
    return { studyId: invite.studyId, sessionToken };
  };
  try {
    return await join();
  } catch (err) {
    // The same worker id opened the link twice at once: the loser's insert hit the unique index
    // and rolled back (its cap claim too); the retry finds the winner's rater.
    if (externalId && isUniqueViolation(err)) return join();
    throw err;
  }
}
