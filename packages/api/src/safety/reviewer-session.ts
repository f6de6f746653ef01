/**
 * Who may review a safety study: a signed-in project member with the reviewer role or above whom
 * the study names as a reviewer or senior reviewer. Nobody else learns the study exists (the
 * same NOT_FOUND for a missing study and one you are not on); a refused attempt is logged.
 * Pairwise raters never reach this code with an invite cookie: safety studies have no invites.
 */
import { TRPCError } from "@trpc/server";
import type { Db, Rater, Study } from "@loupe/db";
import { hasRole } from "../access/roles";
import { writeAudit } from "../audit/log";
import type { SessionUser } from "../context";
import type { SafetyConfig } from "../studies/config";
import { safetyConfigOf } from "./study-config";
import { policyVersion, type PolicyVersion } from "./taxonomy";

export type ReviewerSession = {
  rater: Rater;
  study: Study;
  config: SafetyConfig;
  policy: PolicyVersion;
  /** The caller may decide escalated items. */
  senior: boolean;
};

export const notYourStudy = () =>
  new TRPCError({ code: "NOT_FOUND", message: "No such review study for you." });

/** The study and the caller's standing in it, or NOT_FOUND (logged when the study exists). */
export async function studyForReviewer(
  db: Db,
  studyId: string,
  user: SessionUser | null,
): Promise<{ study: Study; config: SafetyConfig; senior: boolean; reviewer: boolean }> {
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to review." });
  const study = await db.study.findUnique({ where: { id: studyId } });
  if (!study || study.kind !== "safety") throw notYourStudy();
  const config = safetyConfigOf(study);
  const membership = await db.membership.findUnique({
    where: { projectId_userId: { projectId: study.projectId, userId: user.id } },
  });
  const canReview = membership !== null && hasRole(membership.role, "reviewer");
  const senior = canReview && config.seniorReviewerUserIds.includes(user.id);
  const reviewer = canReview && config.reviewerUserIds.includes(user.id);
  if (!senior && !reviewer) {
    if (membership)
      await writeAudit(db, {
        projectId: study.projectId,
        actorUserId: user.id,
        action: "safety.access.refused",
        targetType: "study",
        targetId: study.id,
        data: { role: membership.role },
      });
    throw notYourStudy();
  }
  return { study, config, senior, reviewer };
}

export async function resolveReviewer(
  db: Db,
  studyId: string,
  user: SessionUser | null,
): Promise<ReviewerSession> {
  const { study, config, senior } = await studyForReviewer(db, studyId, user);
  const rater = await db.rater.upsert({
    where: { studyId_userId: { studyId, userId: user!.id } },
    update: {},
    create: { studyId, userId: user!.id },
  });
  const policy = await policyVersion(db, study.projectId, config.policyVersion!);
  return { rater, study, config, policy, senior };
}
