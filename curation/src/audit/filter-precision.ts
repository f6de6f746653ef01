/**
 * A filter audit's arithmetic. Members answer, without seeing which stage dropped an item (or
 * whether it was kept), "should this have been dropped?": drop, keep or unsure. An item's verdict
 * is the strict majority of its drop and keep answers (unsure answers abstain; a tie, or only
 * unsure answers, leaves it undecided). Per group:
 *
 *   a stage's drops:  precision = items humans would drop ÷ decided items
 *   the kept set:     miss rate = items humans would drop ÷ decided items (what the filters let through)
 *
 * each with a 95% Wilson interval (Wilson 1927), because audit samples are small and a Wald
 * interval would be too narrow at 0% and 100%.
 */
import { wilsonInterval } from "@loupe/stats";

export type AuditVerdict = "drop" | "keep" | "unsure";

/** The item's verdict from its answers; null when undecided. */
export function verdictOf(answers: readonly AuditVerdict[]): "drop" | "keep" | null {
  let drop = 0;
  let keep = 0;
  for (const a of answers) {
    if (a === "drop") drop++;
    else if (a === "keep") keep++;
  }
  if (drop > keep) return "drop";
  if (keep > drop) return "keep";
  return null;
}

export type AuditedItem = { group: string; answers: readonly AuditVerdict[] };

export type GroupAgreement = {
  /** "kept", or the stage that dropped the items ("dedup" for near-duplicates). */
  group: string;
  sampled: number;
  /** Items with at least one answer. */
  answered: number;
  /** Items with a drop or keep verdict. */
  decided: number;
  /** Decided items whose verdict is "drop". */
  shouldDrop: number;
  /** shouldDrop ÷ decided (a stage's precision; the kept set's miss rate); null when none is decided. */
  share: number | null;
  interval: [number, number] | null;
};

/** Per group, in the order groups first appear in `items`. */
export function groupAgreement(items: readonly AuditedItem[]): GroupAgreement[] {
  const groups = new Map<string, GroupAgreement>();
  for (const item of items) {
    const g = groups.get(item.group) ?? {
      group: item.group,
      sampled: 0,
      answered: 0,
      decided: 0,
      shouldDrop: 0,
      share: null,
      interval: null,
    };
    g.sampled++;
    if (item.answers.length > 0) g.answered++;
    const verdict = verdictOf(item.answers);
    if (verdict !== null) g.decided++;
    if (verdict === "drop") g.shouldDrop++;
    groups.set(item.group, g);
  }
  return [...groups.values()].map((g) =>
    g.decided > 0
      ? { ...g, share: g.shouldDrop / g.decided, interval: wilsonInterval(g.shouldDrop, g.decided) }
      : g,
  );
}
