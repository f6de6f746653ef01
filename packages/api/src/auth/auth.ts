/**
 * better-auth: email + password sign-in with database sessions. Public sign-up is off: accounts
 * are made by an administrator (`loupe user create`, the members page) so a self-hosted
 * instance is never open to strangers. Sign-in attempts are rate limited per client IP in the
 * database, so the limit holds across every web process sharing the database.
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Db } from "@loupe/db";

export type AuthOptions = { db: Db; secret: string; baseUrl: string };

/** Sign-in attempts allowed per client IP in each window. */
export const SIGN_IN_RATE_LIMIT = { window: 60, max: 10 } as const;

export function createAuth({ db, secret, baseUrl }: AuthOptions) {
  return betterAuth({
    appName: "Loupe",
    baseURL: baseUrl,
    basePath: "/api/auth",
    secret,
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 256 },
    user: {
      additionalFields: { isAdmin: { type: "boolean", required: false, defaultValue: false, input: false } },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "rateLimit",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": SIGN_IN_RATE_LIMIT },
    },
    telemetry: { enabled: false },
    advanced: { useSecureCookies: baseUrl.startsWith("https://") },
  });
}

export type Auth = ReturnType<typeof createAuth>;
