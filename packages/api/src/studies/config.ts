/**
 * The shape of Study.config, validated at every write. Old configs must keep parsing, so every
 * field added later gets a default.
 */
import { z } from "zod";

/**
 * How a rater answers one question:
 * - `ab-tie-bothbad`: A better / tie / B better / both bad (Imagen 3, Movie Gen);
 * - `five-point`: A≫B, A>B, tie, B>A, B≫A, stored as -2 … 2 (negative favours A).
 */
export const answerScaleSchema = z.enum(["ab-tie-bothbad", "five-point"]);
export type AnswerScale = z.infer<typeof answerScaleSchema>;

export const axisSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, "use up to 40 lowercase letters, digits, _ and -"),
  /** A short name shown on buttons and in results ("Overall", "Alignment"). */
  label: z.string().trim().min(1).max(60).optional(),
  question: z.string().trim().min(1).max(500),
  scale: answerScaleSchema.default("ab-tie-bothbad"),
  required: z.boolean().default(true),
});
export type Axis = z.infer<typeof axisSchema>;

export const TEMPLATE_IDS = [
  "side-by-side",
  "video-ab",
  "personalization",
  "inpainting",
  "restoration",
  "custom",
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** Which model pairs are compared. */
export const comparisonPlanSchema = z.discriminatedUnion("kind", [
  /** Every pair of the study's models, on every prompt. */
  z.object({ kind: z.literal("all-pairs") }),
  /** Every model against one baseline model. */
  z.object({ kind: z.literal("baseline"), baselineModelId: z.string().min(1) }),
  /**
   * All pairs, then more raters where a pair is still uncertain: once every task has reached the
   * overlap, the sample-size planner picks the pair furthest from `targetWidth` (the width of its
   * net win rate's 95% interval) and its tasks get one more rater, up to `maxOverlap`. Rating
   * stops when every pair meets the target.
   */
  z.object({
    kind: z.literal("adaptive"),
    maxOverlap: z.number().int().min(1).max(50).default(9),
    targetWidth: z.number().gt(0).max(2).default(0.2),
  }),
]);
export type ComparisonPlan = z.infer<typeof comparisonPlanSchema>;

/** How long a served task stays reserved for its rater or reviewer. */
const leaseSecondsSchema = z
  .number()
  .int()
  .min(30)
  .max(24 * 3600)
  .default(600);

/** Quality-control thresholds: a rater who crosses one is flagged, or excluded when `action` says so. */
export const qualityControlSchema = z.object({
  /** Lowest acceptable share of gold items answered as expected (0–1), judged after `minGoldJudged`. */
  minGoldAccuracy: z.number().min(0).max(1).nullable().default(null),
  minGoldJudged: z.number().int().min(1).default(3),
  /** A judgment faster than this is "too fast". */
  tooFastSeconds: z.number().min(0).default(2),
  /** Largest acceptable share of too-fast judgments. */
  maxTooFastShare: z.number().min(0).max(1).nullable().default(null),
  /** Largest acceptable share of the same side, or of the same answer (straight-lining). */
  maxSameAnswerShare: z.number().min(0).max(1).nullable().default(null),
  /** Lowest acceptable agreement with the other raters' majority on the same tasks. */
  minAgreement: z.number().min(0).max(1).nullable().default(null),
  /** Checks only start once a rater has this many judgments. */
  minJudgments: z.number().int().min(1).default(10),
  action: z.enum(["flag", "exclude"]).default("flag"),
});
export type QualityControl = z.infer<typeof qualityControlSchema>;

export const pairwiseConfigSchema = z.object({
  kind: z.literal("pairwise"),
  template: z.enum(TEMPLATE_IDS).default("custom"),
  /** Markdown, shown before the first task and on demand. */
  instructions: z.string().max(20_000).default(""),
  axes: z
    .array(axisSchema)
    .min(1, "a study needs at least one question")
    .max(12)
    .refine((axes) => new Set(axes.map((a) => a.id)).size === axes.length, "axis ids must be unique"),
  /** Prompt reference roles shown beside the pair (e.g. "subject", "source", "mask"). */
  referenceRoles: z.array(z.string().min(1).max(40)).max(8).default([]),
  promptSetIds: z.array(z.string()).default([]),
  modelIds: z.array(z.string()).default([]),
  plan: comparisonPlanSchema.default({ kind: "all-pairs" }),
  /** Raters per task. */
  overlap: z.number().int().min(1).max(50).default(3),
  /** Share of served tasks that are gold items (when the study has any). */
  goldRatio: z.number().min(0).max(0.5).default(0),
  /** Most judgments one rater may give (null: no cap). */
  maxJudgmentsPerRater: z.number().int().min(1).nullable().default(null),
  /** How long a served task stays reserved for its rater. */
  leaseSeconds: leaseSecondsSchema,
  /** Suggest a break after this many minutes of continuous rating (null: never). */
  breakEveryMinutes: z.number().int().min(5).max(240).nullable().default(null),
  qualityControl: qualityControlSchema.default(qualityControlSchema.parse({})),
});
export type PairwiseConfig = z.infer<typeof pairwiseConfigSchema>;

/** The answer every representation attribute offers besides its values. */
export const UNSURE = "unsure";

/**
 * A representation audit: how people are depicted across outputs of under-specified prompts
 * ("a photo of a doctor"). Reviewers pick one value per attribute, or "unsure".
 */
export const representationAuditSchema = z.object({
  attributes: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9_-]{1,40}$/, "use up to 40 lowercase letters, digits, _ and -"),
        label: z.string().trim().min(1).max(60),
        values: z
          .array(
            z
              .string()
              .trim()
              .min(1)
              .max(60)
              .refine((v) => v !== UNSURE, `"${UNSURE}" is always offered`),
          )
          .min(2, "an attribute needs at least two values")
          .max(12)
          .refine((v) => new Set(v).size === v.length, "values must be unique"),
      }),
    )
    .min(1)
    .max(8)
    .refine((a) => new Set(a.map((x) => x.id)).size === a.length, "attribute ids must be unique"),
  /** Only prompts carrying one of these tags are audited (empty: every prompt). */
  promptTags: z.array(z.string().min(1).max(60)).max(20).default([]),
});
export type RepresentationAudit = z.infer<typeof representationAuditSchema>;
/** When the reviewers' labels decide an item, and when it goes to a senior reviewer instead. */
export const consensusRuleSchema = z.object({
  /**
   * `majority`: a strict majority of the reviewers decides each category and the verdict; a tie
   * escalates. `unanimous`: any disagreement escalates.
   */
  agreement: z.enum(["majority", "unanimous"]).default("majority"),
  /** One review at or above this severity escalates the item at once (null: never). */
  escalateAtSeverity: z.string().max(40).nullable().default("high"),
});
export type ConsensusRule = z.infer<typeof consensusRuleSchema>;

/**
 * Pre-screening: an evaluator's scores (the OCR text detector, an NSFW classifier, ...) from a
 * finished evaluation run order the review queue so likely violations come first. The score only
 * orders; every item still gets its reviews.
 */
export const prescreenSchema = z.object({
  runId: z.string().min(1).max(100),
  metric: z.string().min(1).max(100),
  /** Which end of the score is the likely violation. */
  order: z.enum(["high-first", "low-first"]).default("high-first"),
});
export type Prescreen = z.infer<typeof prescreenSchema>;

export const safetyConfigSchema = z.object({
  kind: z.literal("safety"),
  /** Markdown, shown before the first item and on demand. */
  instructions: z.string().max(20_000).default(""),
  /** The project policy version reviewers label against; set to the newest one on creation. */
  policyVersion: z.number().int().min(1).nullable().default(null),
  promptSetIds: z.array(z.string()).default([]),
  modelIds: z.array(z.string()).default([]),
  /** Project members (reviewer role or above) who review this study; nobody else sees it. */
  reviewerUserIds: z.array(z.string()).max(500).default([]),
  /** Members who decide escalated items; their decision is final. */
  seniorReviewerUserIds: z.array(z.string()).max(100).default([]),
  /** Reviewers per item. */
  overlap: z.number().int().min(1).max(15).default(3),
  consensus: consensusRuleSchema.default(consensusRuleSchema.parse({})),
  representation: representationAuditSchema.nullable().default(null),
  prescreen: prescreenSchema.nullable().default(null),
  /** How long a served item stays reserved for its reviewer. */
  leaseSeconds: leaseSecondsSchema,
  /** Media start blurred and are revealed by a click or a key. */
  blurByDefault: z.boolean().default(true),
  /** Suggest a break after this many revealed items in a session (null: never). */
  breakAfterExposures: z.number().int().min(5).max(1000).nullable().default(40),
});
export type SafetyConfig = z.infer<typeof safetyConfigSchema>;

export const studyConfigSchema = z.discriminatedUnion("kind", [pairwiseConfigSchema, safetyConfigSchema]);
export type StudyConfig = z.infer<typeof studyConfigSchema>;
