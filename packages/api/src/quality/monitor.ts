/**
 * The study monitor: progress per model pair and per prompt, judgments per hour, and the rater
 * table with its quality figures and flags. It only reads: the quality-control rule itself is
 * applied by the worker (./apply-rule.ts), and a researcher's exclusion is `setRaterExcluded`.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@loupe/db";
import { writeAudit } from "../audit/log";
import { findStudy, pairwiseConfigOf } from "../studies/service";
import { MANUAL, qualityOfRaters } from "./apply-rule";
import { requestResultsRefreshQuietly } from "../results/refresh-requests";

export async function studyMonitor(db: Db, projectId: string, studyId: string) {
  const study = await findStudy(db, projectId, studyId);
  const config = pairwiseConfigOf(study);

  const [quality, raters, pairRows, promptRows, hourly, skips, liveLeases] = await Promise.all([
    qualityOfRaters(db, studyId, config),
    db.rater.findMany({
      where: { studyId },
      select: {
        id: true,
        externalId: true,
        excluded: true,
        excludedReason: true,
        createdAt: true,
        lastSeenAt: true,
        user: { select: { name: true, email: true } },
        invite: { select: { label: true } },
      },
    }),
    db.$queryRaw<{ modelA: string; modelB: string; tasks: number; target: number; judgments: number }[]>`
      SELECT ma.name AS "modelA", mb.name AS "modelB", count(*)::int AS tasks,
             sum(t.target)::int AS target, sum(t."judgmentCount")::int AS judgments
      FROM "StudyTask" t
      JOIN "Output" oa ON oa.id = t."outputAId" JOIN "GenModel" ma ON ma.id = oa."modelId"
      JOIN "Output" ob ON ob.id = t."outputBId" JOIN "GenModel" mb ON mb.id = ob."modelId"
      WHERE t."studyId" = ${studyId} AND NOT t."isGold"
      GROUP BY ma.name, mb.name ORDER BY ma.name, mb.name`,
    db.$queryRaw<{ prompt: string; tasks: number; target: number; judgments: number }[]>`
      SELECT p.text AS prompt, count(*)::int AS tasks, sum(t.target)::int AS target,
             sum(t."judgmentCount")::int AS judgments
      FROM "StudyTask" t JOIN "Prompt" p ON p.id = t."promptId"
      WHERE t."studyId" = ${studyId} AND NOT t."isGold"
      GROUP BY p.id, p.text, p.position ORDER BY sum(t."judgmentCount")::float / sum(t.target), p.position
      LIMIT 200`,
    db.$queryRaw<{ hour: Date; judgments: number }[]>`
      SELECT date_trunc('hour', j."createdAt") AS hour, count(*)::int AS judgments
      FROM "Judgment" j
      WHERE j."studyId" = ${studyId} AND j."createdAt" > now() - interval '24 hours'
        AND NOT EXISTS (SELECT 1 FROM "JudgmentUndo" u WHERE u."judgmentId" = j.id)
      GROUP BY 1 ORDER BY 1`,
    db.assignment.groupBy({ by: ["skipReason"], where: { studyId, status: "skipped" }, _count: true }),
    db.assignment.count({ where: { studyId, status: "leased", expiresAt: { gt: new Date() } } }),
  ]);

  const totals = pairRows.reduce(
    (acc, r) => ({ target: acc.target + r.target, judgments: acc.judgments + r.judgments }),
    {
      target: 0,
      judgments: 0,
    },
  );
  return {
    study: { id: study.id, name: study.name, status: study.status },
    progress: { ...totals, liveLeases },
    pairs: pairRows,
    prompts: promptRows,
    hourly: hourly.map((h) => ({ hour: h.hour, judgments: h.judgments })),
    skips: skips.map((s) => ({ reason: s.skipReason ?? "", count: s._count })),
    raters: raters
      .map((r) => {
        const q = quality.get(r.id);
        return {
          id: r.id,
          name: r.user?.name ?? (r.externalId ? `${r.externalId}` : `guest ${r.id.slice(0, 8)}`),
          source: r.user ? "member" : r.invite?.label || "invite",
          excluded: r.excluded,
          excludedReason: r.excludedReason,
          lastSeenAt: r.lastSeenAt,
          judgments: q?.judgments ?? 0,
          goldJudged: q?.goldJudged ?? 0,
          goldAccuracy: q?.goldAccuracy ?? null,
          medianSeconds: q?.medianSeconds ?? null,
          tooFastShare: q?.tooFastShare ?? null,
          leftShare: q?.leftShare ?? null,
          sameAnswerShare: q?.sameAnswerShare ?? null,
          agreement: q?.agreement ?? null,
          flags: q?.flags ?? [],
        };
      })
      .sort((a, b) => b.judgments - a.judgments),
  };
}

/** A researcher excludes a rater or takes them back; judgments are never deleted. Logged. */
export async function setRaterExcluded(
  db: Db,
  actorUserId: string | null,
  projectId: string,
  input: { raterId: string; excluded: boolean; reason?: string },
) {
  const rater = await db.rater.findFirst({ where: { id: input.raterId, study: { projectId } } });
  if (!rater) throw new TRPCError({ code: "NOT_FOUND", message: "Rater not found." });
  const reason = `${MANUAL} ${input.reason?.trim() || (input.excluded ? "excluded by a researcher" : "kept by a researcher")}`;
  await db.rater.update({
    where: { id: rater.id },
    data: { excluded: input.excluded, excludedReason: reason },
  });
  await writeAudit(db, {
    projectId,
    actorUserId,
    action: input.excluded ? "rater.exclude" : "rater.include",
    targetType: "rater",
    targetId: rater.id,
    data: { studyId: rater.studyId, reason },
  });
  requestResultsRefreshQuietly(db, rater.studyId);
  return { id: rater.id, excluded: input.excluded, excludedReason: reason };
}
