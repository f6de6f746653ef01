/**
 * The study wizard's form state and its translation into the API's config. Number fields are kept
 * as the strings the inputs hold, so a half-typed value is never coerced; they become numbers (or
 * null for "no limit") only in `draftToConfig`. The API validates the result again.
 */
import type {
  AnswerScale,
  AxisInput,
  PairwiseConfig,
  PairwiseConfigInput,
  PlanKind,
  StudyTemplate,
  TemplateId,
} from "./types";

export type AxisDraft = {
  /** Stable React key; template axes also keep their API id in `id`. */
  key: string;
  /** The API id of a template axis; empty for a custom axis (derived from its label). */
  id: string;
  label: string;
  question: string;
  scale: AnswerScale;
  required: boolean;
  /** Optional template axes are listed but off until the researcher turns them on. */
  enabled: boolean;
  origin: "template" | "optional" | "custom";
};

export type WizardDraft = {
  name: string;
  templateId: TemplateId;
  referenceRoles: string[];
  modelIds: string[];
  promptSetIds: string[];
  planKind: PlanKind;
  baselineModelId: string;
  maxOverlap: string;
  /** Adaptive plan: the net win rate interval width (in points of %) each pair should reach. */
  targetWidthPercent: string;
  axes: AxisDraft[];
  overlap: string;
  goldPercent: string;
  maxPerRater: string;
  leaseSeconds: string;
  breakMinutes: string;
  minGoldAccuracyPercent: string;
  minGoldJudged: string;
  tooFastSeconds: string;
  maxTooFastPercent: string;
  maxSameAnswerPercent: string;
  minAgreementPercent: string;
  minJudgments: string;
  qcAction: "flag" | "exclude";
  instructions: string;
};

export const WIZARD_STEPS = [
  "Template",
  "Models and prompts",
  "Questions",
  "Raters and quality",
  "Review",
] as const;

function axisDraft(axis: AxisInput, origin: AxisDraft["origin"]): AxisDraft {
  return {
    key: `${origin}:${axis.id}`,
    id: axis.id,
    label: axis.label ?? "",
    question: axis.question,
    scale: axis.scale ?? "ab-tie-bothbad",
    required: axis.required ?? true,
    enabled: origin !== "optional",
    origin,
  };
}

let customCounter = 0;

/** A new, empty custom question. */
export function newCustomAxis(): AxisDraft {
  customCounter += 1;
  return {
    key: `custom:${Date.now()}:${customCounter}`,
    id: "",
    label: "",
    question: "",
    scale: "ab-tie-bothbad",
    required: true,
    enabled: true,
    origin: "custom",
  };
}

/** The draft a template starts from; the rest of `previous` (models, raters…) is kept. */
export function draftFromTemplate(template: StudyTemplate, previous?: WizardDraft): WizardDraft {
  const fromTemplate = {
    templateId: template.id,
    referenceRoles: [...template.referenceRoles],
    axes: [
      ...template.axes.map((a) => axisDraft(a, "template")),
      ...template.optionalAxes.map((a) => axisDraft(a, "optional")),
    ],
    instructions: template.instructions,
  };
  if (previous) return { ...previous, ...fromTemplate };
  // The defaults mirror the API's config defaults (packages/api/src/studies/config.ts).
  return {
    name: "",
    modelIds: [],
    promptSetIds: [],
    planKind: "all-pairs",
    baselineModelId: "",
    maxOverlap: "9",
    targetWidthPercent: "20",
    overlap: "3",
    goldPercent: "0",
    maxPerRater: "",
    leaseSeconds: "600",
    breakMinutes: "",
    minGoldAccuracyPercent: "",
    minGoldJudged: "3",
    tooFastSeconds: "2",
    maxTooFastPercent: "",
    maxSameAnswerPercent: "",
    minAgreementPercent: "",
    minJudgments: "10",
    qcAction: "flag",
    ...fromTemplate,
  };
}

/** A number field's text ("" for "not set"); a share as a percentage, without float noise. */
const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
const percentText = (share: number | null | undefined) =>
  share === null || share === undefined ? "" : String(Math.round(share * 1_000_000) / 10_000);

/**
 * The wizard's state for a saved draft, so it can be edited: the inverse of `draftToConfig`.
 * Template questions keep their place (switched off when the draft dropped them); questions the
 * template does not have come back as custom ones.
 */
export function draftFromConfig(name: string, config: PairwiseConfig, template: StudyTemplate): WizardDraft {
  const saved = new Map(config.axes.map((a) => [a.id, a]));
  const fromTemplate = [
    ...template.axes.map((a) => ({ axis: a, origin: "template" as const })),
    ...template.optionalAxes.map((a) => ({ axis: a, origin: "optional" as const })),
  ].map(({ axis, origin }) => {
    const own = saved.get(axis.id);
    return { ...axisDraft(own ?? axis, origin), enabled: own !== undefined };
  });
  const known = new Set(fromTemplate.map((a) => a.id));
  const custom = config.axes
    .filter((a) => !known.has(a.id))
    .map((a) => ({ ...axisDraft(a, "custom"), id: "" }));
  const qc = config.qualityControl;
  return {
    name,
    templateId: config.template,
    referenceRoles: [...config.referenceRoles],
    modelIds: [...config.modelIds],
    promptSetIds: [...config.promptSetIds],
    planKind: config.plan.kind,
    baselineModelId: config.plan.kind === "baseline" ? config.plan.baselineModelId : "",
    maxOverlap: config.plan.kind === "adaptive" ? text(config.plan.maxOverlap) : "9",
    targetWidthPercent: config.plan.kind === "adaptive" ? percentText(config.plan.targetWidth) : "20",
    axes: [...fromTemplate, ...custom],
    overlap: text(config.overlap),
    goldPercent: percentText(config.goldRatio),
    maxPerRater: text(config.maxJudgmentsPerRater),
    leaseSeconds: text(config.leaseSeconds),
    breakMinutes: text(config.breakEveryMinutes),
    minGoldAccuracyPercent: percentText(qc.minGoldAccuracy),
    minGoldJudged: text(qc.minGoldJudged),
    tooFastSeconds: text(qc.tooFastSeconds),
    maxTooFastPercent: percentText(qc.maxTooFastShare),
    maxSameAnswerPercent: percentText(qc.maxSameAnswerShare),
    minAgreementPercent: percentText(qc.minAgreement),
    minJudgments: text(qc.minJudgments),
    qcAction: qc.action,
    instructions: config.instructions,
  };
}

/** "" means "not set"; anything else is read as a number (the API rejects what is out of range). */
function num(value: string): number | null {
  return value.trim() === "" ? null : Number(value);
}
function percent(value: string): number | null {
  const n = num(value);
  // Rounded so that e.g. 7 % is 0.07 and not 0.07000000000000001.
  return n === null ? null : Math.round(n * 100) / 10_000;
}
/** A field the API has a default for: left out when empty. */
function orDefault(value: string): number | undefined {
  return num(value) ?? undefined;
}

/** A custom axis's id, from its label: lowercase letters, digits and _, unique in the study. */
function axisId(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 32) || "question";
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  taken.add(id);
  return id;
}

/** The questions the study will ask, in order, with their API ids. */
export function activeAxes(axes: AxisDraft[]): AxisInput[] {
  const enabled = axes.filter((a) => a.enabled);
  const taken = new Set(enabled.filter((a) => a.origin !== "custom").map((a) => a.id));
  return enabled.map((a) => ({
    id: a.origin === "custom" ? axisId(a.label || a.question, taken) : a.id,
    label: a.label.trim() || undefined,
    question: a.question,
    scale: a.scale,
    required: a.required,
  }));
}

export function draftToConfig(d: WizardDraft): PairwiseConfigInput {
  const plan: PairwiseConfigInput["plan"] =
    d.planKind === "baseline"
      ? { kind: "baseline", baselineModelId: d.baselineModelId }
      : d.planKind === "adaptive"
        ? {
            kind: "adaptive",
            maxOverlap: orDefault(d.maxOverlap),
            targetWidth: percent(d.targetWidthPercent) ?? undefined,
          }
        : { kind: "all-pairs" };
  return {
    kind: "pairwise",
    template: d.templateId,
    instructions: d.instructions,
    axes: activeAxes(d.axes),
    referenceRoles: d.referenceRoles,
    modelIds: d.modelIds,
    promptSetIds: d.promptSetIds,
    plan,
    overlap: orDefault(d.overlap),
    goldRatio: percent(d.goldPercent) ?? 0,
    maxJudgmentsPerRater: num(d.maxPerRater),
    leaseSeconds: orDefault(d.leaseSeconds),
    breakEveryMinutes: num(d.breakMinutes),
    qualityControl: {
      minGoldAccuracy: percent(d.minGoldAccuracyPercent),
      minGoldJudged: orDefault(d.minGoldJudged),
      tooFastSeconds: orDefault(d.tooFastSeconds),
      maxTooFastShare: percent(d.maxTooFastPercent),
      maxSameAnswerShare: percent(d.maxSameAnswerPercent),
      minAgreement: percent(d.minAgreementPercent),
      minJudgments: orDefault(d.minJudgments),
      action: d.qcAction,
    },
  };
}

/**
 * What keeps the researcher from leaving a step, in words. The API checks ranges; these are the
 * choices only the wizard knows are missing (a study without them could not launch).
 */
export function stepProblems(step: number, d: WizardDraft): string[] {
  const problems: string[] = [];
  if (step === 0 && !d.name.trim()) problems.push("Give the study a name.");
  if (step === 1) {
    if (d.modelIds.length < 2) problems.push("Choose at least two models to compare.");
    if (d.promptSetIds.length === 0) problems.push("Choose at least one prompt set.");
    if (d.planKind === "baseline" && !d.modelIds.includes(d.baselineModelId))
      problems.push("Choose the baseline among the selected models.");
  }
  if (step === 2) {
    const axes = d.axes.filter((a) => a.enabled);
    if (axes.length === 0) problems.push("Ask at least one question.");
    if (axes.some((a) => !a.question.trim())) problems.push("Every question needs its text.");
  }
  return problems;
}
