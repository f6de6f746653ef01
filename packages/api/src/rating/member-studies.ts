/**
 * The studies a signed-in project member can rate now (active pairwise studies), with their own
 * progress. Study names are left out on purpose: researchers often name studies after the models
 * they compare, and raters must stay blind.
 */
import type { Db } from "@loupe/db";
import { raterProgress } from "./next-task";

export async function studiesToRate(db: Db, projectId: string, userId: string) {
  const studies = await db.study.findMany({
    where: { projectId, kind: "pairwise", status: "active" },
    orderBy: { createdAt: "asc" },
    include: { raters: { where: { userId }, select: { judgmentCount: true } } },
  });
  return Promise.all(
    studies.map(async (s, i) => ({
      studyId: s.id,
      label: `Pairwise study ${i + 1}`,
      startedAt: s.createdAt,
      progress: await raterProgress(db, s, { judgmentCount: s.raters[0]?.judgmentCount ?? 0 }),
    })),
  );
}
