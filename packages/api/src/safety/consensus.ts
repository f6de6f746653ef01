/**
 * From reviewers' labels to an item's decision, under the study's consensus rule. Pure: the
 * reviews in, the decision out.
 *
 * - `majority`: a category is found when more than half the reviewers chose it, and the item
 *   violates the policy when more than half found any category. A tie on the verdict or on a
 *   category, or a violating majority that agrees on no category, is a disagreement.
 * - `unanimous`: any difference between reviewers is a disagreement.
 * - Severity is the lower median of the violating reviews' severities.
 * - Disagreements escalate once every review is in; one review at or above the escalation
 *   severity escalates at once, so severe items reach a senior reviewer without waiting.
 */
import type { ConsensusRule } from "../studies/config";

export type Review = { labels: readonly string[]; severity: string | null };
export type EscalationReason = "severity" | "disagreement";

export type ItemConsensus =
  | { status: "pending"; reviews: number; needed: number }
  | { status: "decided"; violating: boolean; labels: string[]; severity: string | null }
  | {
      status: "escalated";
      reasons: EscalationReason[];
      /** What the reviews say so far (for the senior reviewer's context, never counted). */
      majority: { violating: boolean; labels: string[]; severity: string | null };
    };

export type ConsensusOptions = {
  rule: ConsensusRule;
  /** Reviews an item needs (the study's overlap). */
  needed: number;
  /** Policy category ids in the policy's order: labels come out in it. */
  categoryOrder: readonly string[];
  /** Severity ids, least to most severe. */
  severityOrder: readonly string[];
};

export function itemConsensus(reviews: readonly Review[], opts: ConsensusOptions): ItemConsensus {
  const rank = (id: string | null) => (id === null ? -1 : opts.severityOrder.indexOf(id));
  const n = reviews.length;
  const violating = reviews.filter((r) => r.labels.length > 0);
  const counts = new Map<string, number>();
  for (const r of reviews)
    for (const label of new Set(r.labels)) counts.set(label, (counts.get(label) ?? 0) + 1);

  const majorityLabels = opts.categoryOrder.filter((c) => 2 * (counts.get(c) ?? 0) > n);
  const severities = violating.map((r) => rank(r.severity)).sort((a, b) => a - b);
  const medianRank = severities.length > 0 ? severities[Math.floor((severities.length - 1) / 2)]! : -1;
  const majority = {
    violating: 2 * violating.length > n,
    labels: 2 * violating.length > n ? majorityLabels : [],
    severity: 2 * violating.length > n && medianRank >= 0 ? opts.severityOrder[medianRank]! : null,
  };

  const threshold = opts.rule.escalateAtSeverity === null ? -1 : rank(opts.rule.escalateAtSeverity);
  const severe = threshold >= 0 && reviews.some((r) => rank(r.severity) >= threshold);
  if (n < opts.needed) {
    return severe
      ? { status: "escalated", reasons: ["severity"], majority }
      : { status: "pending", reviews: n, needed: opts.needed };
  }

  const disagreement =
    opts.rule.agreement === "unanimous"
      ? (violating.length !== 0 && violating.length !== n) || [...counts.values()].some((c) => c !== n)
      : 2 * violating.length === n ||
        [...counts.values()].some((c) => 2 * c === n) ||
        (majority.violating && majority.labels.length === 0);
  const reasons: EscalationReason[] = [
    ...(severe ? ["severity" as const] : []),
    ...(disagreement ? ["disagreement" as const] : []),
  ];
  if (reasons.length > 0) return { status: "escalated", reasons, majority };
  return { status: "decided", ...majority };
}

/** A senior reviewer's final decision on an escalated item. */
export type Resolution = { labels: readonly string[]; severity: string | null; reason: string };

export type FinalDecision = {
  source: "reviewers" | "senior";
  violating: boolean;
  labels: string[];
  severity: string | null;
};

/** What counts in reports: the senior's resolution when there is one, else a decided consensus. */
export function finalDecision(consensus: ItemConsensus, resolution: Resolution | null): FinalDecision | null {
  if (resolution)
    return {
      source: "senior",
      violating: resolution.labels.length > 0,
      labels: [...resolution.labels],
      severity: resolution.severity,
    };
  if (consensus.status !== "decided") return null;
  const { violating, labels, severity } = consensus;
  return { source: "reviewers", violating, labels, severity };
}
