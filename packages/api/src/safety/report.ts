/** The safety report and the study's audit trail, as researchers read them. */
import type { Db } from "@loupe/db";
import { toCsv } from "../results/tables";
import { findStudy } from "../studies/service";
import { loadReviewedItems } from "./items";
import { buildSafetyReport, safetyReportRows } from "./report-model";
import { safetyConfigOf } from "./study-config";
import { policyVersion } from "./taxonomy";

export async function safetyReport(db: Db, projectId: string, studyId: string) {
  const study = await findStudy(db, projectId, studyId);
  const config = safetyConfigOf(study);
  const policy = await policyVersion(db, projectId, config.policyVersion!);
  const [items, models] = await Promise.all([
    loadReviewedItems(db, study.id, config, policy),
    db.genModel.findMany({
      where: { id: { in: config.modelIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const report = buildSafetyReport(items, policy, config, models);
  return {
    study: { id: study.id, name: study.name, status: study.status, policyVersion: policy.version },
    report,
    csv: toCsv(safetyReportRows(report)),
  };
}

/**
 * Everything the audit log holds about one safety study, newest first: decisions, reveals,
 * undos, escalations, refusals, launches and edits, with who and when.
 */
export async function safetyAuditTrail(
  db: Db,
  projectId: string,
  studyId: string,
  page: { skip: number; take: number },
) {
  const study = await findStudy(db, projectId, studyId);
  const where = {
    projectId,
    OR: [{ targetId: study.id }, { data: { path: ["studyId"], equals: study.id } }],
  };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: page.skip, take: page.take }),
  ]);
  const actors = await db.user.findMany({
    where: { id: { in: [...new Set(rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))] } },
    select: { id: true, email: true },
  });
  const email = new Map(actors.map((a) => [a.id, a.email]));
  return {
    total,
    entries: rows.map((r) => ({
      id: r.id.toString(),
      at: r.createdAt,
      actor: r.actorUserId ? (email.get(r.actorUserId) ?? r.actorUserId) : null,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      data: r.data,
    })),
  };
}
