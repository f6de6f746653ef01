/**
 * The safety report, computed from the items' final decisions. Pure: items in, numbers out.
 *
 * - Violation rate per model × category: items whose final decision has the category, over the
 *   model's decided items, with a 95% Wilson interval. Items still pending or escalated and not
 *   yet resolved are counted apart, never as "no violation".
 * - Model-versus-model: the difference of overall violation rates with Newcombe's hybrid score
 *   interval.
 * - Representation: per model and attribute, the share of reviews giving each value (reviews,
 *   not items: each reviewer's reading of who is depicted counts), with Wilson intervals.
 * - Agreement: Krippendorff's α (nominal) over items with two or more reviews, on the verdict and
 *   per category, with a bootstrap interval over items, or the reason α is undefined.
 */
import {
  bootstrapOverUnits,
  krippendorffAlpha,
  proportionDifferenceInterval,
  wilsonInterval,
  type RatingUnit,
} from "@loupe/stats";
import type { Row } from "../results/tables";
import { UNSURE, type SafetyConfig } from "../studies/config";
import type { ReviewedItem } from "./items";
import type { PolicyContent } from "./taxonomy-schema";

export type Rate = { count: number; n: number; rate: number; interval: [number, number] };
export type Agreement = {
  alpha: number | null;
  reason: string | null;
  /** 95% percentile bootstrap over items (null when α is undefined or too few items vary). */
  interval: [number, number] | null;
  items: number;
};

export type SafetyReport = {
  method: string;
  items: { total: number; decided: number; bySenior: number; escalatedOpen: number; pending: number };
  categories: { id: string; label: string }[];
  severities: { id: string; label: string }[];
  models: {
    modelId: string;
    name: string;
    items: number;
    decided: number;
    violating: Rate;
    categories: Record<string, Rate>;
    /** Violating items per final severity. */
    severities: Record<string, number>;
  }[];
  /** Every pair of models: the difference of their any-violation rates (A − B), over nA and nB decided items. */
  comparisons: {
    modelA: string;
    modelB: string;
    nA: number;
    nB: number;
    difference: number;
    interval: [number, number];
  }[];
  representation: {
    attributes: {
      id: string;
      label: string;
      values: string[];
      models: { modelId: string; name: string; reviews: number; values: Record<string, Rate> }[];
    }[];
  } | null;
  agreement: { verdict: Agreement; categories: Record<string, Agreement> };
};

const rateOf = (count: number, n: number): Rate => ({
  count,
  n,
  rate: n > 0 ? count / n : 0,
  interval: wilsonInterval(count, n),
});

const nominalAlpha = (units: readonly RatingUnit<string>[]) => krippendorffAlpha(units, { level: "nominal" });

/** α with its bootstrap interval over items (Hayes & Krippendorff, 2007), seeded so a report is reproducible. */
function alphaOf(units: RatingUnit<string>[]): Agreement {
  const result = nominalAlpha(units);
  const interval =
    result.alpha === null ? null : bootstrapOverUnits(units, (u) => nominalAlpha(u).alpha, { seed: 8 });
  return {
    alpha: result.alpha,
    reason: result.reason,
    interval: interval ? [interval.low, interval.high] : null,
    items: result.units,
  };
}

export function buildSafetyReport(
  items: readonly ReviewedItem[],
  policy: PolicyContent,
  config: Pick<SafetyConfig, "representation">,
  models: readonly { id: string; name: string }[],
): SafetyReport {
  const decided = items.filter((i) => i.final !== null);
  const perModel = models.map((m) => {
    const own = items.filter((i) => i.modelId === m.id);
    const done = own.filter((i) => i.final !== null);
    const violating = done.filter((i) => i.final!.violating);
    return {
      modelId: m.id,
      name: m.name,
      items: own.length,
      decided: done.length,
      violating: rateOf(violating.length, done.length),
      categories: Object.fromEntries(
        policy.categories.map((c) => [
          c.id,
          rateOf(done.filter((i) => i.final!.labels.includes(c.id)).length, done.length),
        ]),
      ),
      severities: Object.fromEntries(
        policy.severities.map((s) => [s.id, violating.filter((i) => i.final!.severity === s.id).length]),
      ),
    };
  });

  const comparisons: SafetyReport["comparisons"] = [];
  for (let a = 0; a < perModel.length; a++)
    for (let b = a + 1; b < perModel.length; b++) {
      const x = perModel[a]!.violating;
      const y = perModel[b]!.violating;
      comparisons.push({
        modelA: perModel[a]!.name,
        modelB: perModel[b]!.name,
        nA: x.n,
        nB: y.n,
        ...proportionDifferenceInterval(x.count, x.n, y.count, y.n),
      });
    }

  const audit = config.representation;
  const audited = audit
    ? items.filter(
        (i) => audit.promptTags.length === 0 || audit.promptTags.some((t) => i.promptTags.includes(t)),
      )
    : [];
  const representation = audit
    ? {
        attributes: audit.attributes.map((attribute) => {
          const values = [...attribute.values, UNSURE];
          return {
            id: attribute.id,
            label: attribute.label,
            values,
            models: models.map((m) => {
              const answers = audited
                .filter((i) => i.modelId === m.id)
                .flatMap((i) => i.reviews.map((r) => r.representation?.[attribute.id]))
                .filter((v): v is string => v !== undefined);
              return {
                modelId: m.id,
                name: m.name,
                reviews: answers.length,
                values: Object.fromEntries(
                  values.map((v) => [v, rateOf(answers.filter((a) => a === v).length, answers.length)]),
                ),
              };
            }),
          };
        }),
      }
    : null;

  const unitsFor = (value: (labels: readonly string[]) => string): RatingUnit<string>[] =>
    items.map((i) => ({
      unitId: i.taskId,
      values: i.reviews.map((r) => ({ raterId: r.raterId, value: value(r.labels) })),
    }));
  const open = items.filter((i) => i.final === null);
  return {
    method:
      "Rates over items with a final decision (the reviewers' consensus or a senior's resolution); 95% Wilson intervals; differences by Newcombe's hybrid score interval; agreement by Krippendorff's α (nominal) over items with two or more reviews, with a 95% bootstrap interval over items.",
    items: {
      total: items.length,
      decided: decided.length,
      bySenior: decided.filter((i) => i.final!.source === "senior").length,
      escalatedOpen: open.filter((i) => i.consensus.status === "escalated").length,
      pending: open.filter((i) => i.consensus.status === "pending").length,
    },
    categories: policy.categories.map((c) => ({ id: c.id, label: c.label })),
    severities: policy.severities.map((s) => ({ id: s.id, label: s.label })),
    models: perModel,
    comparisons,
    representation,
    agreement: {
      verdict: alphaOf(unitsFor((labels) => (labels.length > 0 ? "violation" : "none"))),
      categories: Object.fromEntries(
        policy.categories.map((c) => [
          c.id,
          alphaOf(unitsFor((labels) => (labels.includes(c.id) ? "yes" : "no"))),
        ]),
      ),
    },
  };
}

/** The report's main table: one row per model and category (and "any"), with intervals (CSV and REST). */
export function safetyReportRows(report: SafetyReport): Row[] {
  return report.models.flatMap((m) =>
    [
      ["any", m.violating] as const,
      ...report.categories.map((c) => [c.id, m.categories[c.id]!] as const),
    ].map(([category, r]) => ({
      model: m.name,
      category,
      violating_items: r.count,
      decided_items: r.n,
      rate: r.rate,
      ci95_low: r.interval[0],
      ci95_high: r.interval[1],
    })),
  );
}
