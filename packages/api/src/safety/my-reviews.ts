/**
 * The safety studies a signed-in member reviews (named as reviewer or senior reviewer), with
 * their progress and, for seniors, the open escalations. Study names are left out, as for
 * raters: names often carry the models under review.
 */
import type { Db } from "@loupe/db";
import { hasRole } from "../access/roles";
import { safetyConfigSchema } from "../studies/config";

export async function reviewsToDo(db: Db, projectId: string, userId: string) {
  const membership = await db.membership.findUnique({ where: { projectId_userId: { projectId, userId } } });
  if (!membership || !hasRole(membership.role, "reviewer")) return [];
  const studies = await db.study.findMany({
    where: { projectId, kind: "safety", status: { in: ["active", "paused"] } },
    orderBy: { createdAt: "asc" },
    include: { raters: { where: { userId }, select: { judgmentCount: true } } },
  });
  const mine = studies.flatMap((s, i) => {
    const config = safetyConfigSchema.parse(s.config);
    const senior = config.seniorReviewerUserIds.includes(userId);
    const reviewer = config.reviewerUserIds.includes(userId);
    return senior || reviewer ? [{ study: s, label: `Safety review ${i + 1}`, senior, reviewer }] : [];
  });
  return Promise.all(
    mine.map(async ({ study, label, senior, reviewer }) => ({
      studyId: study.id,
      label,
      status: study.status,
      senior,
      reviewer,
      done: study.raters[0]?.judgmentCount ?? 0,
      total: await db.studyTask.count({ where: { studyId: study.id } }),
    })),
  );
}

/** Members who may be named reviewers (the reviewer role or above), for the study form. */
export async function reviewerCandidates(db: Db, projectId: string) {
  const members = await db.membership.findMany({
    where: { projectId, role: { in: ["reviewer", "curator", "researcher", "owner"] } },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role }));
}
