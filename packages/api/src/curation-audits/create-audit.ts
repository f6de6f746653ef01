/**
 * Starting a filter audit of a finished curation run: how many items to sample from each group and
 * how many answers each needs. The sample and its media are prepared by a worker job
 * (`curation.audit`), after which members answer at /p/<project>/audits/<audit>.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "@loupe/db";
import { jobDefinitions } from "@loupe/jobs";
import { writeAudit } from "../audit/log";
import type { CurationActor } from "../curation/create-run";

export const auditSettings = z.object({
  /** Items sampled from each group: each stage's drops, the near-duplicates, the kept set. */
  itemsPerGroup: z.number().int().min(1).max(500).default(20),
  /** Answers wanted per item (an item's verdict is their majority). */
  answersPerItem: z.number().int().min(1).max(5).default(1),
});
export type AuditSettings = z.input<typeof auditSettings>;

export async function createCurationAudit(
  db: Db,
  projectId: string,
  runId: string,
  settings: AuditSettings,
  actor: CurationActor = {},
) {
  const parsed = auditSettings.parse(settings);
  const run = await db.curationRun.findFirst({ where: { id: runId, projectId }, select: { status: true } });
  if (!run) throw new TRPCError({ code: "NOT_FOUND", message: "No such curation run in this project." });
  if (run.status !== "done")
    throw new TRPCError({
      code: "CONFLICT",
      message: `Only a finished run can be audited; this one is ${run.status}.`,
    });
  const def = jobDefinitions.prepareCurationAudit;
  const audit = await db.$transaction(async (tx) => {
    const created = await tx.curationAudit.create({
      data: { projectId, runId, ...parsed, createdById: actor.userId ?? null },
    });
    await tx.$executeRaw`SELECT graphile_worker.add_job(
      ${def.name}, ${JSON.stringify(def.payload.parse({ auditId: created.id }))}::json,
      job_key => ${`curation-audit:${created.id}`}, max_attempts => ${def.maxAttempts}::int
    )`;
    return created;
  });
  await writeAudit(db, {
    projectId,
    actorUserId: actor.userId ?? null,
    actorApiKeyId: actor.apiKeyId ?? null,
    action: "curation.audit.create",
    targetType: "CurationAudit",
    targetId: audit.id,
    data: { runId, ...parsed },
  });
  return { id: audit.id, status: audit.status };
}

/** A preparation that failed on its last attempt: the audit says why. */
export async function markCurationAuditFailed(db: Db, auditId: string, err: unknown) {
  await db.curationAudit.updateMany({
    where: { id: auditId, status: "preparing" },
    data: { status: "failed", error: err instanceof Error ? err.message : String(err) },
  });
}
