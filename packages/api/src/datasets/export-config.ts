/**
 * What a preference-dataset export contains and how it is laid out. The config is stored with the
 * export, and the same config on the same judgments gives byte-identical files: every choice that
 * could vary — the split seed, the rater pseudonym salt — is part of it.
 */
import { z } from "zod";

export const EXPORT_FORMATS = ["pick-a-pic", "hpdv2", "imagereward", "dpo", "reward-difference"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportConfig = z
  .object({
    name: z.string().trim().min(1).max(100),
    studyIds: z.array(z.string().min(1)).min(1).max(50),
    format: z.enum(EXPORT_FORMATS),
    /** The question whose answers are the labels; by default the studies' first. */
    axisId: z.string().min(1).max(40).optional(),
    /** Every judgment as its own row, or one row per item (output pair) with its raters' majority. */
    aggregation: z.enum(["every", "majority"]).default("every"),
    /** A tie (or "both bad") kept as 0.5 / 0.5, or dropped. DPO always drops them. */
    ties: z.enum(["half", "drop"]).default("half"),
    excludeFlaggedRaters: z.boolean().default(true),
    excludeGold: z.boolean().default(true),
    /** Leave out items whose raters agree less than this (the share of the most common answer). */
    minAgreement: z.number().min(0).max(1).default(0),
    /** Fractions of prompts per split; no prompt is in two splits. */
    split: z
      .object({
        train: z.number().min(0).max(1),
        validation: z.number().min(0).max(1),
        test: z.number().min(0).max(1),
      })
      .refine((s) => Math.abs(s.train + s.validation + s.test - 1) < 1e-9, "split fractions must add up to 1")
      .default({ train: 0.8, validation: 0.1, test: 0.1 }),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(0),
    /** Rater ids become HMAC-SHA256(salt, id): stable within an export, unlinkable across exports. */
    raterSalt: z.string().min(16).max(200).optional(),
    /** Model names as they are, or "model-1", "model-2", ... in name order. */
    hideModelNames: z.boolean().default(false),
    /**
     * Images as relative paths with the files alongside; or, Pick-a-Pic only, inside the Parquet,
     * or as WebDataset tar shards (a JSON record and both images per sample) for large sets.
     */
    images: z.enum(["files", "inline", "webdataset"]).default("files"),
    /** Leave out rows whose image is no longer in storage (listed in the manifest) instead of failing. */
    skipMissingMedia: z.boolean().default(false),
    license: z.string().trim().max(200).default(""),
    /**
     * reward-difference: the reward each output got in an evaluation run (a metric key such as
     * "reward:pickscore"); rows whose outputs have no value there are left out and counted.
     */
    reward: z.object({ runId: z.string().min(1), metric: z.string().min(1).max(200) }).optional(),
  })
  .refine((c) => (c.format === "reward-difference") === (c.reward !== undefined), {
    message: "the reward-difference layout needs reward: {runId, metric}, and only it takes one",
    path: ["reward"],
  })
  .refine((c) => c.images === "files" || c.format === "pick-a-pic", {
    message: "only the Pick-a-Pic layout holds images inline or as WebDataset shards",
    path: ["images"],
  });
export type ExportConfig = z.infer<typeof exportConfig>;
export type ExportConfigInput = z.input<typeof exportConfig>;

export const SPLITS = ["train", "validation", "test"] as const;
export type Split = (typeof SPLITS)[number];
