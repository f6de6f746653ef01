/**
 * Account creation outside the sign-up flow (which is disabled): the first-start admin,
 * `loupe user create`, and owners adding members. We write better-auth's own rows (a user and
 * a "credential" account holding the scrypt hash from better-auth/crypto), so better-auth signs
 * these users in exactly like its own.
 */
import crypto from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import type { Db } from "@loupe/db";

export const newUserInput = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(8, "must be at least 8 characters").max(256),
  isAdmin: z.boolean().default(false),
});
export type NewUser = z.input<typeof newUserInput>;

export class UserExistsError extends Error {
  override name = "UserExistsError";
}

export async function createUser(db: Db, input: NewUser) {
  const data = newUserInput.parse(input);
  const existing = await db.user.findUnique({ where: { email: data.email } });
  if (existing) throw new UserExistsError(`a user with email ${data.email} already exists`);
  const id = crypto.randomUUID();
  const hash = await hashPassword(data.password);
  return db.user.create({
    data: {
      id,
      email: data.email,
      name: data.name ?? data.email.split("@")[0]!,
      isAdmin: data.isAdmin,
      emailVerified: true,
      accounts: {
        create: { id: crypto.randomUUID(), accountId: id, providerId: "credential", password: hash },
      },
    },
  });
}

/** A password that is easy to copy from a terminal and hard to guess (~120 bits). */
export function generatePassword(): string {
  return crypto.randomBytes(15).toString("base64url");
}

/**
 * The first start creates the administrator. Returns the password only when it was generated
 * here, so the caller prints it once; returns null when an admin already exists.
 */
export async function ensureAdmin(
  db: Db,
  opts: { email: string; password?: string },
): Promise<{ user: { id: string; email: string }; generatedPassword: string | null } | null> {
  const admin = await db.user.findFirst({ where: { isAdmin: true }, orderBy: { createdAt: "asc" } });
  if (admin) return null;
  const generatedPassword = opts.password ? null : generatePassword();
  const user = await createUser(db, {
    email: opts.email,
    name: "Administrator",
    password: opts.password ?? generatedPassword!,
    isAdmin: true,
  });
  return { user, generatedPassword };
}
