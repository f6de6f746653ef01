/**
 * A curation pipeline as the data team writes it (a form, or YAML/JSON): where the items come
 * from, which stages judge them with which thresholds, how near-duplicates are removed, and how
 * the run is split. Parsed once at the boundary; a bad definition is one `PipelineDefinitionError`
 * listing every problem, before any item is read.
 *
 *   name: laion-subset
 *   source: { kind: folder, root: /data/images }
 *   stages:
 *     - { stage: resolution, minShortSide: 512 }
 *     - { stage: blur, minSharpness: 80 }
 *     - { stage: phash }
 *   dedup: { hash: phash, maxDistance: 6 }
 *   shardSize: 2000
 */
import { z } from "zod";
import { DEFAULT_MAX_PIXELS } from "./image/image-probe";
import { sourceConfigSchema, type SourceConfig } from "./sources/source-config";
import { MAX_SHARD_SIZE, MIN_SHARD_SIZE } from "./sources/shards";
import { MEDIA_KINDS } from "./media-probe";
import { IMAGE_EXTENSIONS, VIDEO_EXTENSIONS } from "./sources/media-extensions";
import { stagesFor } from "./stages";
import { configure, type ConfiguredStage } from "./stages/stage";

export class PipelineDefinitionError extends Error {
  override name = "PipelineDefinitionError";
}

const HASHES = ["phash", "dhash"] as const;
export type HashAlgorithm = (typeof HASHES)[number];

const stageEntry = z.looseObject({ stage: z.string().min(1) });

export const dedupSchema = z
  .object({
    /** Which perceptual hash decides (the phash stage must compute it). */
    hash: z.enum(HASHES).default("phash"),
    /**
     * Items whose hashes differ in at most this many of 64 bits are near-duplicates; each cluster
     * keeps its first item in source order. 0 finds only identical hashes.
     */
    maxDistance: z.number().int().min(0).max(16).default(6),
  })
  .strict();

export const urlDownloadSchema = z
  .object({
    /** Seconds before a download is given up (an item-level error). */
    timeoutSeconds: z.number().positive().max(600).default(30),
    /** Largest response accepted, in bytes. */
    maxBytes: z
      .number()
      .int()
      .positive()
      .default(64 * 1024 * 1024),
  })
  .strict();

export const clipsOutputSchema = z
  .object({
    minSeconds: z.number().positive().max(3600).default(4),
    maxSeconds: z.number().positive().max(3600).default(16),
    samplesPerShard: z.number().int().min(1).max(100_000).default(1000),
  })
  .strict()
  .refine((c) => c.minSeconds <= c.maxSeconds, "minSeconds must not exceed maxSeconds");

export const conceptsSchema = z
  .object({
    /** k of the k-means over the kept items' embeddings. */
    clusters: z.number().int().min(1).max(100_000).default(64),
    /** Items of a cluster at or above this cosine similarity to an earlier one are dropped; null: none. */
    dedupSimilarity: z.number().gt(0).max(1).nullable().default(null),
  })
  .strict();

export const pipelineDefinitionSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /**
     * What the items are: images, or videos (probed with ffprobe; the image stages judge a video
     * by its middle frame). A folder source then lists only that medium's extensions.
     */
    media: z.enum(MEDIA_KINDS).default("image"),
    source: sourceConfigSchema,
    /** Stage entries: `{ stage: <id>, ...that stage's options }`, each stage at most once. */
    stages: z.array(stageEntry).min(1),
    /** Near-duplicate removal across the whole run, after the stages; null: none. */
    dedup: dedupSchema.nullable().default(null),
    /**
     * Concept clusters over the kept items' embeddings (needs the embedding stage): each kept item
     * gets its cluster and a sampling weight 1/√(cluster size); with dedupSimilarity, embedding
     * near-duplicates within a cluster are dropped. Null: none.
     */
    concepts: conceptsSchema.nullable().default(null),
    /** Items per shard: one job each, the unit of progress and of resuming. */
    shardSize: z.number().int().min(MIN_SHARD_SIZE).max(MAX_SHARD_SIZE).default(MIN_SHARD_SIZE),
    /** Images (or video frames) with more pixels than this, by their header, are errors, never decoded. */
    maxPixels: z.number().int().positive().max(1_000_000_000).default(DEFAULT_MAX_PIXELS),
    /** Items given by URL are fetched only when this is set: downloading is off by default. */
    download: urlDownloadSchema.nullable().default(null),
    outputs: z
      .object({
        manifest: z.enum(["parquet", "jsonl"]).default("parquet"),
        /** The kept set also as WebDataset tar shards of this many samples; null: none. */
        webdataset: z
          .object({ samplesPerShard: z.number().int().min(1).max(100_000).default(1000) })
          .strict()
          .nullable()
          .default(null),
        /**
         * Video runs: each kept video's shots (the scenes stage) cut into clips of at most
         * `maxSeconds`, leaving out pieces shorter than `minSeconds` (Movie Gen's 4–16 s), as
         * WebDataset shards of MP4 clips; null: none.
         */
        clips: clipsOutputSchema.nullable().default(null),
      })
      .strict()
      .default({ manifest: "parquet", webdataset: null, clips: null }),
  })
  .strict();

/** A folder source without its own extensions lists the run's medium's. */
function withMediaExtensions<D extends { media: "image" | "video"; source: SourceConfig }>(definition: D): D {
  const { source } = definition;
  if ((source.kind !== "folder" && source.kind !== "s3") || source.extensions) return definition;
  const extensions = [...(definition.media === "video" ? VIDEO_EXTENSIONS : IMAGE_EXTENSIONS)];
  return { ...definition, source: { ...source, extensions } };
}

export type PipelineDefinitionInput = z.input<typeof pipelineDefinitionSchema>;
export type PipelineDefinition = Omit<z.output<typeof pipelineDefinitionSchema>, "source"> & {
  source: SourceConfig;
};

/** The definition with every stage's options checked against that stage's schema. */
export type Pipeline = {
  definition: PipelineDefinition;
  stages: ConfiguredStage[];
};

const issueLine = (prefix: string, issue: z.core.$ZodIssue) =>
  `${[prefix, ...issue.path.map(String)].filter(Boolean).join(".")}: ${issue.message}`;

/** Parses a definition (an object from JSON or YAML); throws one error listing every problem. */
export function parsePipeline(input: unknown): Pipeline {
  const parsed = pipelineDefinitionSchema.safeParse(input);
  if (!parsed.success)
    throw new PipelineDefinitionError(
      `invalid pipeline: ${parsed.error.issues.map((i) => issueLine("", i)).join("; ")}`,
    );
  const definition = withMediaExtensions(parsed.data);
  const registry = stagesFor(definition.media);
  const problems: string[] = [];
  const stages: ConfiguredStage[] = [];
  definition.stages.forEach((entry, i) => {
    const { stage: id, ...options } = entry;
    const stage = registry[id];
    if (!stage) {
      problems.push(
        `stages.${i}.stage: "${id}" is not ${definition.media === "video" ? "a video" : "an image"} stage (${Object.keys(registry).join(", ")})`,
      );
      return;
    }
    if (stages.some((s) => s.stage.id === id)) {
      problems.push(`stages.${i}.stage: "${id}" appears twice; give it once with all its options`);
      return;
    }
    const strict = (stage.config as z.ZodType).safeParse(options);
    if (!strict.success) {
      problems.push(...strict.error.issues.map((issue) => issueLine(`stages.${i} (${id})`, issue)));
      return;
    }
    const unknown = Object.keys(options).filter((k) => !(k in (strict.data as object)));
    if (unknown.length) {
      problems.push(`stages.${i} (${id}): unknown option ${unknown.map((k) => `"${k}"`).join(", ")}`);
      return;
    }
    stages.push(configure(stage, options));
  });
  if (definition.dedup) {
    const hashStage = stages.find((s) => s.stage.id === "phash");
    const algorithms = (hashStage?.config as { algorithms?: string[] } | undefined)?.algorithms ?? [];
    if (!algorithms.includes(definition.dedup.hash))
      problems.push(
        `dedup.hash: "${definition.dedup.hash}" is not computed; add { stage: phash, algorithms: [${definition.dedup.hash}] }`,
      );
  }
  if (definition.concepts && !stages.some((s) => s.stage.id === "embedding"))
    problems.push("concepts: clusters are made from embeddings; add { stage: embedding }");
  if (definition.outputs.clips) {
    if (definition.media !== "video")
      problems.push("outputs.clips: clips are cut from videos; set media: video");
    else if (!stages.some((s) => s.stage.id === "scenes"))
      problems.push("outputs.clips: clips are cut at scene cuts; add { stage: scenes }");
  }
  if (problems.length) throw new PipelineDefinitionError(`invalid pipeline: ${problems.join("; ")}`);
  return { definition, stages };
}

/** The measurement columns a run of these stages records, as "<stage>.<name>", in stage order. */
export type MeasurementColumns = {
  scores: string[];
  labels: string[];
  /** An embedding column (shard decisions of runs with an embedding stage). */
  embedding?: boolean;
  /** The concept columns (the kept set of runs with concepts): concept_cluster, sampling_weight. */
  concepts?: boolean;
};

export function measurementColumns(stages: readonly ConfiguredStage[]): MeasurementColumns {
  return {
    scores: stages.flatMap((s) => s.stage.scoreNames.map((n) => `${s.stage.id}.${n}`)),
    labels: stages.flatMap((s) => (s.stage.labelNames ?? []).map((n) => `${s.stage.id}.${n}`)),
    embedding: stages.some((s) => s.stage.embeds),
  };
}

export { HASHES as HASH_ALGORITHMS };
