/**
 * Project API keys for scripts (/api/v1). The key is shown once at creation; only its sha256
 * is stored (a key has 192 random bits, so a fast hash is safe — no password stretching needed).
 */
import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db, ProjectRole } from "@loupe/db";
import { writeAudit } from "../audit/log";
import { hasRole, PROJECT_ROLES } from "../access/roles";

const KEY_PREFIX = "loupe_";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(PROJECT_ROLES).default("researcher"),
});

export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

export async function createApiKey(
  db: Db,
  actor: { userId: string | null; role: ProjectRole },
  projectId: string,
  input: z.input<typeof createApiKeyInput>,
) {
  const data = createApiKeyInput.parse(input);
  if (!hasRole(actor.role, data.role)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "A key cannot have a higher role than its creator." });
  }
  const key = KEY_PREFIX + crypto.randomBytes(24).toString("base64url");
  const row = await db.apiKey.create({
    data: {
      projectId,
      name: data.name,
      role: data.role,
      prefix: key.slice(0, KEY_PREFIX.length + 6),
      hashedKey: hashApiKey(key),
      createdById: actor.userId,
    },
  });
  await writeAudit(db, {
    projectId,
    actorUserId: actor.userId,
    action: "apikey.create",
    targetType: "apiKey",
    targetId: row.id,
  });
  return { id: row.id, name: row.name, prefix: row.prefix, role: row.role, key };
}

export async function listApiKeys(db: Db, projectId: string) {
  return db.apiKey.findMany({
    where: { projectId },
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { email: true } },
    },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiKey(db: Db, actorUserId: string, projectId: string, id: string) {
  const { count } = await db.apiKey.updateMany({
    where: { id, projectId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new TRPCError({ code: "NOT_FOUND", message: "No such active key." });
  await writeAudit(db, {
    projectId,
    actorUserId,
    action: "apikey.revoke",
    targetType: "apiKey",
    targetId: id,
  });
}

/** The key's project and role, or null for an unknown, malformed or revoked key. */
export async function authenticateApiKey(db: Db, key: string) {
  if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
  const row = await db.apiKey.findUnique({
    where: { hashedKey: hashApiKey(key) },
    include: { project: true },
  });
  if (!row || row.revokedAt) return null;
  await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { apiKeyId: row.id, role: row.role, project: row.project };
}
