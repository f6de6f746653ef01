import { describeLabelling } from "../safety-review/policy-names";
import type { EscalatedItem, Policy } from "../safety-review/types";

/** Why the consensus rule sent an item here, in the words the senior reads. */
export const REASON_WORDS: Record<EscalatedItem["reasons"][number], string> = {
  severity: "High-severity review",
  disagreement: "Reviewers disagree",
};

/** What the reviews say so far (context only: the senior decides). */
export function describeMajority(policy: Policy, majority: EscalatedItem["majority"]) {
  if (!majority.violating) return "No violation";
  // A violating majority that agrees on no category is itself a disagreement.
  if (majority.labels.length === 0) return "A violation, but no category has a majority";
  return describeLabelling(policy, majority);
}
