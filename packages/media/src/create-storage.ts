/**
 * Choosing the media storage backend from configuration: files under a local folder (the default,
 * one machine or a shared file system) or an S3 bucket (machines that share nothing but the
 * database and the bucket). Callers pass `LoupeConfig.storage` and the local media folder to
 * `resolveMediaStorage`; only this file knows which classes exist.
 */
import { z } from "zod";
import { S3MediaStorage } from "./s3-storage";
import { LocalMediaStorage, type MediaStorage } from "./storage";

const s3Options = z.object({
  kind: z.literal("s3"),
  bucket: z.string().trim().min(1, "needs a bucket"),
  prefix: z.string().trim().default(""),
  region: z.string().trim().min(1).default("us-east-1"),
  endpoint: z.url().optional(),
  forcePathStyle: z.boolean().optional(),
  accessKeyId: z.string().min(1).optional(),
  secretAccessKey: z.string().min(1).optional(),
});

export const mediaStorageOptionsSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("local"), root: z.string().trim().min(1, "needs a root folder") }),
    s3Options,
  ])
  .refine((o) => o.kind !== "s3" || !o.accessKeyId === !o.secretAccessKey, {
    message: "needs both an access key id and a secret access key, or neither",
    path: ["accessKeyId"],
  });

/** `{ kind: "local", root }` or `{ kind: "s3", bucket, prefix?, region?, endpoint?, … }`. */
export type MediaStorageOptions = z.input<typeof mediaStorageOptionsSchema>;

/** What `LoupeConfig.storage` holds: local needs no root there (it is `<dataDir>/media`). */
export type ConfiguredMediaStorage = { kind: "local" } | z.input<typeof s3Options>;

/** Builds the backend the options name; throws a one-line error for invalid options. */
export function createMediaStorage(options: MediaStorageOptions): MediaStorage {
  const parsed = mediaStorageOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new Error(`invalid media storage options: ${where}${issue.message}`);
  }
  const o = parsed.data;
  if (o.kind === "local") return new LocalMediaStorage(o.root);
  return new S3MediaStorage(o);
}

function isMediaStorage(value: MediaStorage | ConfiguredMediaStorage): value is MediaStorage {
  return typeof (value as Partial<MediaStorage>).put === "function";
}

/**
 * A ready storage as is; otherwise the configured backend, with local files under `localRoot`
 * (also when nothing is configured).
 */
export function resolveMediaStorage(
  storage: MediaStorage | ConfiguredMediaStorage | undefined,
  localRoot: string,
): MediaStorage {
  if (storage && isMediaStorage(storage)) return storage;
  if (!storage || storage.kind === "local") return createMediaStorage({ kind: "local", root: localRoot });
  return createMediaStorage(storage);
}
