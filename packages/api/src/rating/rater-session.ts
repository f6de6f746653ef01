/**
 * Who is rating: an external rater (invite link → a session cookie scoped to one study) or a
 * project member signed in with at least the rater role. Either way the answer is a `Rater` row
 * of this study; nothing else about the rater's identity reaches the rating code.
 */
import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { Db, Rater, Study } from "@loupe/db";
import { hasRole } from "../access/roles";
import type { SessionUser } from "../context";
import { cachedStudy } from "./study-cache";

/** The cookie that carries an external rater's session for one study. */
export const raterCookieName = (studyId: string) => `loupe_rater_${studyId}`;

export const hashRaterToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
export const newRaterToken = () => crypto.randomBytes(32).toString("base64url");

/** Reads one cookie from a Cookie header (names and values as the browser sent them). */
export function readCookie(headers: Headers, name: string): string | null {
  const header = headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export type RaterSession = { rater: Rater; study: Study };

export async function resolveRater(
  db: Db,
  studyId: string,
  headers: Headers,
  user: SessionUser | null,
): Promise<RaterSession> {
  const study = await cachedStudy(db, studyId);
  const denied = () =>
    new TRPCError({ code: "UNAUTHORIZED", message: "Open your invite link again to continue rating." });
  if (!study || study.kind !== "pairwise") throw denied();

  const token = readCookie(headers, raterCookieName(studyId));
  if (token) {
    const rater = await db.rater.findUnique({ where: { sessionTokenHash: hashRaterToken(token) } });
    if (rater && rater.studyId === studyId) return { rater, study };
  }
  if (user) {
    const membership = await db.membership.findUnique({
      where: { projectId_userId: { projectId: study.projectId, userId: user.id } },
    });
    if (membership && hasRole(membership.role, "rater")) {
      const rater = await db.rater.upsert({
        where: { studyId_userId: { studyId, userId: user.id } },
        update: {},
        create: { studyId, userId: user.id },
      });
      return { rater, study };
    }
  }
  throw denied();
}
