/**
 * What a filter audit found, for curators: per group — each stage's drops, the near-duplicates,
 * the kept set — how many sampled items members would have dropped, as the stage's precision (the
 * kept set's miss rate) with a 95% Wilson interval (`groupAgreement`, @loupe/curation/audit). And
 * the audits of a run with their progress, and the audits a member still has items to answer in.
 */
import { TRPCError } from "@trpc/server";
import { groupAgreement, type AuditVerdict, type GroupAgreement } from "@loupe/curation/audit";
import type { Db } from "@loupe/db";

export type CurationAuditSummary = {
  id: string;
  status: "preparing" | "open" | "failed";
  error: string | null;
  createdAt: Date;
  itemsPerGroup: number;
  answersPerItem: number;
  unavailable: number;
  items: number;
  /** Answers given, and answers wanted (items × answers per item). */
  answers: number;
  answersWanted: number;
};

const summaryOf = (
  audit: {
    id: string;
    status: CurationAuditSummary["status"];
    error: string | null;
    createdAt: Date;
    itemsPerGroup: number;
    answersPerItem: number;
    unavailable: number;
  },
  items: { answerCount: number }[],
): CurationAuditSummary => ({
  id: audit.id,
  status: audit.status,
  error: audit.error,
  createdAt: audit.createdAt,
  itemsPerGroup: audit.itemsPerGroup,
  answersPerItem: audit.answersPerItem,
  unavailable: audit.unavailable,
  items: items.length,
  // Answers beyond the wanted count (members answering at once) do not make progress look >100%.
  answers: items.reduce((n, i) => n + Math.min(i.answerCount, audit.answersPerItem), 0),
  answersWanted: items.length * audit.answersPerItem,
});

/** A run's audits, newest first, with each one's findings. */
export async function listCurationAudits(db: Db, projectId: string, runId: string) {
  const audits = await db.curationAudit.findMany({
    where: { projectId, runId },
    orderBy: { createdAt: "desc" },
    include: {
      items: { select: { sampleGroup: true, answerCount: true, answers: { select: { verdict: true } } } },
    },
  });
  return audits.map((audit) => ({
    ...summaryOf(audit, audit.items),
    groups: groupAgreement(
      audit.items.map((i) => ({
        group: i.sampleGroup,
        answers: i.answers.map((a) => a.verdict as AuditVerdict),
      })),
    ),
  }));
}

export type CurationAuditWithFindings = CurationAuditSummary & { groups: GroupAgreement[] };

/** The open audits of a project in which this member still has items to answer. */
export async function myCurationAudits(db: Db, projectId: string, userId: string) {
  const audits = await db.curationAudit.findMany({
    where: { projectId, status: "open" },
    orderBy: { createdAt: "asc" },
    include: {
      run: { select: { name: true } },
      items: { select: { answerCount: true, answers: { where: { userId }, select: { id: true } } } },
    },
  });
  return audits.flatMap((a) => {
    const left = a.items.filter((i) => i.answerCount < a.answersPerItem && i.answers.length === 0).length;
    const answered = a.items.filter((i) => i.answers.length > 0).length;
    return left > 0 ? [{ id: a.id, runName: a.run.name, left, answered, items: a.items.length }] : [];
  });
}

/** The audit's title for the answering page (no findings: members answer blind). */
export async function curationAuditTitle(db: Db, projectId: string, auditId: string) {
  const audit = await db.curationAudit.findFirst({
    where: { id: auditId, projectId },
    select: { id: true, status: true, run: { select: { name: true } } },
  });
  if (!audit) throw new TRPCError({ code: "NOT_FOUND", message: "No such filter audit in this project." });
  return { id: audit.id, status: audit.status, runName: audit.run.name };
}
