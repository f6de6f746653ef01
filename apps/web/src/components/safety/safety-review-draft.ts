/**
 * The new-safety-review form's state and its translation into the API's config. Number fields
 * stay the strings the inputs hold, so a half-typed value is never coerced; optional parts
 * (representation audit, pre-screening) keep their fields while switched off, so turning one off
 * and on again loses nothing. The API validates the result again and its message is shown as is.
 */
import { idFromLabel, splitList } from "../../lib/list-edit";
import type { Policy, SafetyConfigInput } from "./types";

export type AttributeDraft = { key: string; label: string; values: string };

export type SafetyReviewDraft = {
  name: string;
  promptSetIds: string[];
  modelIds: string[];
  reviewerUserIds: string[];
  seniorReviewerUserIds: string[];
  overlap: string;
  agreement: "majority" | "unanimous";
  /** A severity id of the policy, or "" for never. */
  escalateAtSeverity: string;
  representation: boolean;
  attributes: AttributeDraft[];
  promptTags: string;
  prescreen: boolean;
  prescreenRunId: string;
  prescreenMetric: string;
  prescreenOrder: "high-first" | "low-first";
  blurByDefault: boolean;
  /** "" for never. */
  breakAfterExposures: string;
  instructions: string;
};

let counter = 0;
export function newAttribute(): AttributeDraft {
  return { key: `attribute-${++counter}`, label: "", values: "" };
}

/**
 * The form's start: the API's defaults (packages/api/src/studies/config.ts). Escalation starts at
 * the policy's "high" level when it has one, else at its most severe level.
 */
export function initialDraft(policy: Pick<Policy, "severities">): SafetyReviewDraft {
  const ids = policy.severities.map((s) => s.id);
  return {
    name: "",
    promptSetIds: [],
    modelIds: [],
    reviewerUserIds: [],
    seniorReviewerUserIds: [],
    overlap: "3",
    agreement: "majority",
    escalateAtSeverity: ids.includes("high") ? "high" : (ids.at(-1) ?? ""),
    representation: false,
    attributes: [newAttribute()],
    promptTags: "",
    prescreen: false,
    prescreenRunId: "",
    prescreenMetric: "",
    prescreenOrder: "high-first",
    blurByDefault: true,
    breakAfterExposures: "40",
    instructions: "",
  };
}

/** "" means "not set"; anything else is read as a number (the API rejects what is out of range). */
function num(value: string): number | null {
  return value.trim() === "" ? null : Number(value);
}

/** Attribute ids from their labels: unique, and numbered when a label gives no usable id. */
function attributeIds(attributes: readonly AttributeDraft[]): string[] {
  const taken = new Set<string>();
  return attributes.map((a, i) => {
    const base = idFromLabel(a.label).slice(0, 36) || `attribute_${i + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    return id;
  });
}

export function draftToConfig(d: SafetyReviewDraft, policyVersion: number): SafetyConfigInput {
  const ids = attributeIds(d.attributes);
  return {
    kind: "safety",
    // Pinned to the version whose severities the form offered, not whatever is newest on save.
    policyVersion,
    instructions: d.instructions,
    promptSetIds: d.promptSetIds,
    modelIds: d.modelIds,
    reviewerUserIds: d.reviewerUserIds,
    seniorReviewerUserIds: d.seniorReviewerUserIds,
    overlap: num(d.overlap) ?? undefined,
    consensus: { agreement: d.agreement, escalateAtSeverity: d.escalateAtSeverity || null },
    representation: d.representation
      ? {
          attributes: d.attributes.map((a, i) => ({
            id: ids[i] ?? `attribute_${i + 1}`,
            label: a.label.trim(),
            values: splitList(a.values),
          })),
          promptTags: splitList(d.promptTags),
        }
      : null,
    prescreen: d.prescreen
      ? { runId: d.prescreenRunId, metric: d.prescreenMetric, order: d.prescreenOrder }
      : null,
    blurByDefault: d.blurByDefault,
    breakAfterExposures: num(d.breakAfterExposures),
  };
}
