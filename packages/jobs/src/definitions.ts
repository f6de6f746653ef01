import { z } from "zod";
import { defineJob } from "./define";

/** Re-read every stored file of a project's assets and check it still hashes to its sha256. */
export const verifyMedia = defineJob({
  name: "media.verify",
  title: "Verify media storage",
  payload: z.object({ projectId: z.string().min(1) }),
  maxAttempts: 3,
});

/**
 * Recompute a study's results (ratings, intervals, agreement, breakdowns) and store them for its
 * leaderboard. Scheduled, debounced, whenever judgments, exclusions or gold answers change.
 */
export const refreshStudyResults = defineJob({
  name: "study.results",
  title: "Compute study results",
  payload: z.object({ studyId: z.string().min(1) }),
  maxAttempts: 3,
});

/**
 * One chunk of a generation job: its items, in the job's fixed order, that have no output yet.
 * Retried when a worker crashes; items already produced are skipped, so nothing is made twice.
 */
export const generateChunk = defineJob({
  name: "generation.chunk",
  title: "Generate outputs",
  payload: z.object({ jobId: z.string().min(1), chunk: z.number().int().min(0) }),
  maxAttempts: 10,
});

/**
 * One chunk of an evaluation run: its fixed list of outputs, each metric computed where it has no
 * value yet (encoder outputs cached per asset), so a retried chunk redoes nothing.
 */
export const evaluateChunk = defineJob({
  name: "evaluation.chunk",
  title: "Compute metrics",
  payload: z.object({ runId: z.string().min(1), chunk: z.number().int().min(0) }),
  maxAttempts: 5,
});

/** The last step of an evaluation run: per-model aggregates, FID and KID against the reference set. */
export const summarizeEvaluation = defineJob({
  name: "evaluation.summary",
  title: "Summarize metrics",
  payload: z.object({ runId: z.string().min(1) }),
  maxAttempts: 3,
});

/**
 * Build one version of a preference-dataset export: read the judgments, write the layout's files
 * into media storage, record the manifest. Deterministic, so a retry after a crash rebuilds the
 * same files.
 */
export const buildDatasetExport = defineJob({
  name: "dataset.export",
  title: "Build a dataset export",
  payload: z.object({ exportId: z.string().min(1) }),
  maxAttempts: 3,
});

/**
 * Plan a curation run: read its source once, in order, and write each shard's items (a JSONL file
 * in media storage) and its row, queueing each shard as it is written. Rerun after a crash, it
 * writes the same shards and skips the rows that exist.
 */
export const planCurationRun = defineJob({
  name: "curation.plan",
  title: "Plan a curation run",
  payload: z.object({ runId: z.string().min(1) }),
  maxAttempts: 3,
});

/**
 * One shard of a curation run: its fixed items through the pipeline, the decisions written as
 * Parquet and the shard marked done in one step, so a retried shard redoes only itself.
 */
export const curateShard = defineJob({
  name: "curation.shard",
  title: "Curate a shard",
  payload: z.object({ runId: z.string().min(1), shard: z.number().int().min(0) }),
  maxAttempts: 5,
});

/** The end of a curation run: near-duplicate removal across shards, the funnel, the kept and dropped sets. */
export const finishCurationRun = defineJob({
  name: "curation.finish",
  title: "Finish a curation run",
  payload: z.object({ runId: z.string().min(1) }),
  maxAttempts: 3,
});

/**
 * Prepare a filter audit: sample a finished run's items per group (each stage's drops,
 * near-duplicates, the kept set) and store what raters will see. Rerun, it redoes the same sample.
 */
export const prepareCurationAudit = defineJob({
  name: "curation.audit",
  title: "Prepare a filter audit",
  payload: z.object({ auditId: z.string().min(1) }),
  maxAttempts: 3,
});

export const jobDefinitions = {
  verifyMedia,
  refreshStudyResults,
  generateChunk,
  evaluateChunk,
  summarizeEvaluation,
  buildDatasetExport,
  planCurationRun,
  curateShard,
  finishCurationRun,
  prepareCurationAudit,
} as const;

export const jobDefinitionsByName: ReadonlyMap<string, (typeof jobDefinitions)[keyof typeof jobDefinitions]> =
  new Map(Object.values(jobDefinitions).map((d) => [d.name, d]));
