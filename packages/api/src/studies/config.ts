/**
 * The shape of Study.config, validated at every write. The pairwise and safety issues extend
 * these schemas (templates, plans, taxonomies); old configs must keep parsing, so new fields
 * get defaults.
 */
import { z } from "zod";

export const answerScaleSchema = z.enum(["ab-tie-bothbad", "five-point"]);

export const axisSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/, "use lowercase letters, digits, _ and -"),
  question: z.string().trim().min(1).max(500),
  scale: answerScaleSchema.default("ab-tie-bothbad"),
  required: z.boolean().default(true),
});

export const pairwiseConfigSchema = z.object({
  kind: z.literal("pairwise"),
  instructions: z.string().max(20_000).default(""),
  axes: z.array(axisSchema).min(1, "a study needs at least one question"),
  promptSetIds: z.array(z.string()).default([]),
  modelIds: z.array(z.string()).default([]),
});

export const safetyConfigSchema = z.object({
  kind: z.literal("safety"),
  instructions: z.string().max(20_000).default(""),
  promptSetIds: z.array(z.string()).default([]),
  modelIds: z.array(z.string()).default([]),
});

export const studyConfigSchema = z.discriminatedUnion("kind", [pairwiseConfigSchema, safetyConfigSchema]);
export type StudyConfig = z.infer<typeof studyConfigSchema>;
