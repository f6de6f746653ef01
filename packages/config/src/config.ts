/**
 * The one place that reads process.env. Every other package receives a parsed, typed
 * `LoupeConfig`, so a misconfiguration fails once, at start, with a one-line message.
 */
import path from "node:path";
import { z } from "zod";
import { dataPaths } from "./data-paths";

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
  /**
   * Folders (separated by the platform's path delimiter, ":" on Linux) that curation runs started
   * from the web or the API may read. Default: <LOUPE_DATA_DIR>/corpora. The CLI is not limited.
   */
  LOUPE_CURATION_ROOTS: z.string().trim().default(""),
  /**
   * Buckets (comma-separated) whose objects curation runs started from the web or the API may
   * read with the server's S3 credentials. Default: none. The CLI is not limited.
   */
  LOUPE_CURATION_BUCKETS: z.string().trim().default(""),
  LOUPE_STORAGE: z.enum(["local", "s3"], 'must be "local" or "s3"').default("local"),
  LOUPE_S3_BUCKET: z.string().trim().optional(),
  LOUPE_S3_PREFIX: z.string().trim().default(""),
  LOUPE_S3_REGION: z.string().trim().default(""),
  LOUPE_S3_ENDPOINT: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })])
    .optional(),
  LOUPE_S3_ACCESS_KEY_ID: z.string().trim().optional(),
  LOUPE_S3_SECRET_ACCESS_KEY: z.string().optional(),
});

/** Variables whose values never appear in an error message. */
const SECRET_VARIABLES = new Set(["LOUPE_AUTH_SECRET", "LOUPE_ADMIN_PASSWORD", "LOUPE_S3_SECRET_ACCESS_KEY"]);

/**
 * Where media files live: local files under `<dataDir>/media`, or an S3 bucket (AWS or an
 * S3-compatible server) shared by every machine.
 */
export type StorageConfig =
  | { kind: "local" }
  | {
      kind: "s3";
      bucket: string;
      /** Key prefix, e.g. "loupe/media/" ("" = the bucket's root). */
      prefix: string;
      region: string;
      /** An S3-compatible server (MinIO, R2, …); unset means AWS S3. */
      endpoint?: string;
      /** Unset: the AWS SDK's default credential chain. */
      accessKeyId?: string;
      secretAccessKey?: string;
    };

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
  /** LOUPE_STORAGE and LOUPE_S3_*. */
  storage: StorageConfig;
  /** LOUPE_CURATION_ROOTS, absolute: where web- and API-started curation runs may read corpora. */
  curationRoots: string[];
  /** LOUPE_CURATION_BUCKETS: the buckets web- and API-started curation runs may read. */
  curationBuckets: string[];
};

/** Parse the environment. Throws `ConfigError` naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): LoupeConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const got = SECRET_VARIABLES.has(name) ? "" : ` (got ${JSON.stringify(env[name] ?? "")})`;
    throw new ConfigError(`${name}: ${issue.message}${got}`);
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
    storage: storageConfig(e),
    curationRoots: curationRoots(e),
    curationBuckets: e.LOUPE_CURATION_BUCKETS.split(",")
      .map((b) => b.trim())
      .filter((b) => b !== ""),
  };
}

function curationRoots(e: z.infer<typeof envSchema>): string[] {
  const listed = e.LOUPE_CURATION_ROOTS.split(path.delimiter).filter((p) => p.trim() !== "");
  return listed.length
    ? listed.map((p) => path.resolve(p))
    : [dataPaths(path.resolve(e.LOUPE_DATA_DIR)).corpora];
}

function storageConfig(e: z.infer<typeof envSchema>): StorageConfig {
  if (e.LOUPE_STORAGE === "local") return { kind: "local" };
  if (!e.LOUPE_S3_BUCKET) {
    throw new ConfigError(
      "LOUPE_S3_BUCKET: must be set when LOUPE_STORAGE=s3 (the bucket that holds media files)",
    );
  }
  const accessKeyId = e.LOUPE_S3_ACCESS_KEY_ID || undefined;
  const secretAccessKey = e.LOUPE_S3_SECRET_ACCESS_KEY || undefined;
  if (!accessKeyId !== !secretAccessKey) {
    const missing = accessKeyId ? "LOUPE_S3_SECRET_ACCESS_KEY" : "LOUPE_S3_ACCESS_KEY_ID";
    throw new ConfigError(
      `${missing}: must be set together with ${accessKeyId ? "LOUPE_S3_ACCESS_KEY_ID" : "LOUPE_S3_SECRET_ACCESS_KEY"} (or unset both to use the AWS default credentials)`,
    );
  }
  return {
    kind: "s3",
    bucket: e.LOUPE_S3_BUCKET,
    prefix: e.LOUPE_S3_PREFIX,
    region: e.LOUPE_S3_REGION || "us-east-1",
    ...(e.LOUPE_S3_ENDPOINT ? { endpoint: e.LOUPE_S3_ENDPOINT } : {}),
    ...(accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : {}),
  };
}
