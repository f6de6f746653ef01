import type { Db, Prisma } from "@loupe/db";

export type AuditEntry = {
  projectId?: string | null;
  actorUserId?: string | null;
  actorApiKeyId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonValue;
};

/** Append one row to the audit log (the table itself rejects updates and deletes). */
export async function writeAudit(db: Db | Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: { ...entry, data: entry.data ?? {} } });
}
