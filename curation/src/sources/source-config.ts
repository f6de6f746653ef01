/**
 * Where a corpus's items come from, as configured (the boundary: parsed with zod, one-line errors).
 *
 *   { kind: "folder", root, extensions? }                    every media file under root
 *   { kind: "manifest", path, format?, pathColumn | urlColumn, captionColumn?, root? }
 *                                                            one item per JSONL line / CSV or Parquet row
 *   { kind: "webdataset", shards, root? }                    one item per sample of each tar shard
 *   { kind: "s3", bucket, prefix?, endpoint?, region?, extensions? }
 *                                                            one item per media object under prefix
 *
 * Relative paths (root, manifest path, shards) resolve against the working directory, except that
 * shards resolve against `root` when it is given. Item ids depend on paths *relative to the
 * source* (a file's path under root, a manifest's file name, a shard as written), so the same
 * corpus gets the same ids wherever it is mounted — write shards relative to a root for that.
 */
import { z } from "zod";
import { BracePatternError, countBraceExpansion, MAX_BRACE_EXPANSION } from "./brace";
import { SourceError } from "./errors";
import { normalizeExtension } from "./media-extensions";

const extension = z
  .string()
  .regex(/^\.?[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an extension like ".jpg"')
  .transform(normalizeExtension);

export const folderSourceSchema = z
  .object({
    kind: z.literal("folder"),
    root: z.string().min(1),
    /** Extensions that count as media (default: common image and video extensions). */
    extensions: z.array(extension).min(1).optional(),
  })
  .strict();

export const MANIFEST_FORMATS = ["jsonl", "csv", "parquet"] as const;
export type ManifestFormat = (typeof MANIFEST_FORMATS)[number];

export const manifestSourceSchema = z
  .object({
    kind: z.literal("manifest"),
    path: z.string().min(1),
    /** Default: from the extension (.jsonl/.ndjson, .csv, .parquet/.pq). */
    format: z.enum(MANIFEST_FORMATS).optional(),
    pathColumn: z.string().min(1).optional(),
    urlColumn: z.string().min(1).optional(),
    captionColumn: z.string().min(1).optional(),
    /** The folder relative paths resolve against, and that no path may leave (default: the manifest's). */
    root: z.string().min(1).optional(),
  })
  .strict()
  .refine((c) => (c.pathColumn === undefined) !== (c.urlColumn === undefined), {
    message: "name exactly one of pathColumn and urlColumn",
    path: ["pathColumn"],
  })
  .refine((c) => c.captionColumn === undefined || c.captionColumn !== (c.pathColumn ?? c.urlColumn), {
    message: "captionColumn must differ from the path or URL column",
    path: ["captionColumn"],
  });

const shardPattern = z.string().superRefine((pattern, ctx) => {
  if (pattern.trim() === "") {
    ctx.addIssue({ code: "custom", message: "a shard path or pattern must not be empty" });
    return;
  }
  try {
    const count = countBraceExpansion(pattern);
    if (count > MAX_BRACE_EXPANSION)
      ctx.addIssue({ code: "custom", message: `expands to ${count} shards (limit ${MAX_BRACE_EXPANSION})` });
  } catch (err) {
    if (!(err instanceof BracePatternError)) throw err;
    ctx.addIssue({ code: "custom", message: err.message });
  }
});

export const webDatasetSourceSchema = z
  .object({
    kind: z.literal("webdataset"),
    /** Shard paths or brace patterns ("data-{0000..0099}.tar"); .tar, or gzipped .tar.gz/.tgz. */
    shards: z.array(shardPattern).min(1),
    /** The folder relative shard paths resolve against (default: the working directory). */
    root: z.string().min(1).optional(),
  })
  .strict();

export const objectStoreSourceSchema = z
  .object({
    kind: z.literal("s3"),
    bucket: z.string().trim().min(3).max(63),
    /** Only objects whose keys start with this (a "folder" in the bucket); default: the whole bucket. */
    prefix: z.string().default(""),
    /** An S3-compatible server (MinIO, R2, Ceph, …); unset means AWS S3. */
    endpoint: z.url({ protocol: /^https?$/ }).optional(),
    region: z.string().trim().min(1).optional(),
    /** Extensions that count as media (default: the run's medium's). */
    extensions: z.array(extension).min(1).optional(),
  })
  .strict();

export const sourceConfigSchema = z.discriminatedUnion("kind", [
  folderSourceSchema,
  manifestSourceSchema,
  webDatasetSourceSchema,
  objectStoreSourceSchema,
]);

export type FolderSourceConfig = z.output<typeof folderSourceSchema>;
export type ManifestSourceConfig = z.output<typeof manifestSourceSchema>;
export type WebDatasetSourceConfig = z.output<typeof webDatasetSourceSchema>;
export type ObjectStoreSourceConfig = z.output<typeof objectStoreSourceSchema>;
export type SourceConfig = z.output<typeof sourceConfigSchema>;
export type SourceConfigInput = z.input<typeof sourceConfigSchema>;

/** Parses a source config; a bad one is a SourceError with every problem on one line. */
export function parseSourceConfig(input: unknown): SourceConfig {
  const parsed = sourceConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) =>
    issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
  );
  throw new SourceError(`invalid source config: ${problems.join("; ")}`);
}
