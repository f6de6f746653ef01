/**
 * The one place that reads process.env. Every other package receives a parsed, typed
 * `LoupeConfig`, so a misconfiguration fails once, at start, with a one-line message.
 */
import path from "node:path";
import { z } from "zod";

export class ConfigError extends Error {
  override name = "ConfigError";
}

const boolFlag = z
  .enum(["0", "1", "true", "false", "yes", "no", "on", "off", ""])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const port = z.coerce.number().int().min(1).max(65535);

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => v === "" || /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://")
    .optional(),
  LOUPE_DATA_DIR: z.string().trim().min(1).default("./.loupe"),
  PORT: port.default(3000),
  LOUPE_HOST: z.string().trim().min(1).default("0.0.0.0"),
  LOUPE_BASE_URL: z.url().optional(),
  LOUPE_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOUPE_ADMIN_EMAIL: z.email().default("admin@loupe.local"),
  LOUPE_ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  LOUPE_DEMO: boolFlag.default(true),
  LOUPE_PG_PORT: port.default(54329),
  LOUPE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  LOUPE_GPU_SLOTS: z
    .string()
    .trim()
    .regex(
      /^$|^\d+(\+\d+)*(\s*,\s*\d+(\+\d+)*)*$/,
      'must list device indexes, e.g. "0,1" (or "0+1" for one slot with two GPUs)',
    )
    .default(""),
});

export type LoupeConfig = {
  /** Set when an external PostgreSQL is used; undefined means "run the embedded one". */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  baseUrl: string;
  authSecret: string | undefined;
  adminEmail: string;
  adminPassword: string | undefined;
  demo: boolean;
  embeddedPgPort: number;
  workerConcurrency: number;
  /** One CUDA_VISIBLE_DEVICES value per GPU slot of a worker ("" = one slot, GPUs left alone). */
  gpuSlots: string;
};

/** Parse the environment. Throws `ConfigError` naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): LoupeConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    throw new ConfigError(`${name}: ${issue.message} (got ${JSON.stringify(env[name] ?? "")})`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL ? e.DATABASE_URL : undefined,
    dataDir: path.resolve(e.LOUPE_DATA_DIR),
    port: e.PORT,
    host: e.LOUPE_HOST,
    baseUrl: (e.LOUPE_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    authSecret: e.LOUPE_AUTH_SECRET,
    adminEmail: e.LOUPE_ADMIN_EMAIL,
    adminPassword: e.LOUPE_ADMIN_PASSWORD,
    demo: e.LOUPE_DEMO,
    embeddedPgPort: e.LOUPE_PG_PORT,
    workerConcurrency: e.LOUPE_WORKER_CONCURRENCY,
    gpuSlots: e.LOUPE_GPU_SLOTS,
  };
}
