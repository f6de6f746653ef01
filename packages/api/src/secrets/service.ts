/**
 * A project's secrets: set (create or replace), list (names and dates only) and delete. The
 * value goes in once and never comes back out through the API; only the worker reads it.
 */
import { z } from "zod";
import type { Db } from "@loupe/db";
import { decryptSecret, encryptSecret } from "./crypto";

export const secretName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,120}$/, "letters, digits, dots, dashes and underscores (at most 120)");

export const setSecretInput = z.object({
  name: secretName,
  value: z.string().min(1, "the value is empty").max(16_384),
});

export async function setSecret(
  db: Db,
  serverSecret: string,
  projectId: string,
  input: z.input<typeof setSecretInput>,
) {
  const { name, value } = setSecretInput.parse(input);
  const ciphertext = encryptSecret(serverSecret, projectId, name, value);
  const row = await db.secret.upsert({
    where: { projectId_name: { projectId, name } },
    create: { projectId, name, ciphertext },
    update: { ciphertext },
  });
  return { name: row.name, updatedAt: row.updatedAt };
}

export async function listSecrets(db: Db, projectId: string) {
  const rows = await db.secret.findMany({ where: { projectId }, orderBy: { name: "asc" } });
  return rows.map((r) => ({ name: r.name, createdAt: r.createdAt, updatedAt: r.updatedAt }));
}

export async function deleteSecret(db: Db, projectId: string, name: string): Promise<boolean> {
  const { count } = await db.secret.deleteMany({ where: { projectId, name } });
  return count > 0;
}

/** The plaintext, for a worker about to call an inference server; undefined when not set. */
export async function readSecret(
  db: Db,
  serverSecret: string,
  projectId: string,
  name: string,
): Promise<string | undefined> {
  const row = await db.secret.findUnique({ where: { projectId_name: { projectId, name } } });
  return row ? decryptSecret(serverSecret, projectId, name, row.ciphertext) : undefined;
}
