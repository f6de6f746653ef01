/**
 * What a run removed and why, counted: per shard a `DecisionTally` (kept, and per stage the items
 * it dropped or could not read), merged over shards into the funnel the data team reads — the
 * items remaining after each stage, in the order the stages ran, as in Movie Gen's curation table
 * (Polyak et al. 2024, Table 3). Near-duplicate removal is the funnel's last step.
 */
import type { ItemDecision } from "../pipeline";

export type DecisionTally = {
  items: number;
  kept: number;
  /** Items dropped by each stage (the first stage that failed them). */
  dropped: Record<string, number>;
  /** Items each stage could not read ("source": the item could not be located or fetched). */
  errors: Record<string, number>;
  /** Per stage, the items it measured and the milliseconds it spent on them (absent in older runs). */
  timing?: Record<string, { items: number; ms: number }>;
};

export function emptyTally(): DecisionTally {
  return { items: 0, kept: 0, dropped: {}, errors: {}, timing: {} };
}

export function tallyDecisions(
  decisions: Iterable<Pick<ItemDecision, "status" | "firstFailingStage" | "stageMs">>,
) {
  const tally = emptyTally();
  for (const d of decisions) {
    tally.items++;
    for (const [stage, ms] of Object.entries(d.stageMs ?? {})) {
      const t = (tally.timing![stage] ??= { items: 0, ms: 0 });
      t.items++;
      t.ms += ms;
    }
    if (d.status === "kept") tally.kept++;
    else {
      const counts = d.status === "dropped" ? tally.dropped : tally.errors;
      const stage = d.firstFailingStage ?? "unknown";
      counts[stage] = (counts[stage] ?? 0) + 1;
    }
  }
  return tally;
}

export function mergeTallies(tallies: Iterable<DecisionTally>): DecisionTally {
  const total = emptyTally();
  const add = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
  };
  for (const t of tallies) {
    total.items += t.items;
    total.kept += t.kept;
    add(total.dropped, t.dropped);
    add(total.errors, t.errors);
    for (const [stage, { items, ms }] of Object.entries(t.timing ?? {})) {
      const into = (total.timing![stage] ??= { items: 0, ms: 0 });
      into.items += items;
      into.ms += ms;
    }
  }
  return total;
}

export type FunnelStep = {
  stage: string;
  label: string;
  /** Items this step dropped (failed its test). */
  dropped: number;
  /** Items this step could not read (errors). */
  errors: number;
  /** Items left after this step. */
  remaining: number;
  /** remaining ÷ the run's items (0 when the run has none). */
  share: number;
  /** A stage's mean measuring time per item, in milliseconds (absent when not recorded). */
  msPerItem?: number;
};

/** The run-wide removals after the stages, in the order they happen, by step id. */
const RUN_WIDE_STEPS = [
  { stage: "dedup", label: "Near-duplicate removal" },
  { stage: "semdedup", label: "Embedding near-duplicates" },
] as const;

/** How many items each run-wide pass removed; a pass the run does not make is left out. */
export type RunWideRemovals = Partial<Record<(typeof RUN_WIDE_STEPS)[number]["stage"], number>>;

/**
 * The funnel: one step per stage in run order (with "source" first when some items could not be
 * located), then the run-wide removals the run made (perceptual-hash near-duplicates, then
 * embedding near-duplicates). `remaining` of the last step equals the kept count.
 */
export function funnelOf(
  tally: DecisionTally,
  stages: readonly { id: string; label: string }[],
  removals: RunWideRemovals = {},
): FunnelStep[] {
  const steps: FunnelStep[] = [];
  let remaining = tally.items;
  const share = (n: number) => (tally.items === 0 ? 0 : n / tally.items);
  const push = (stage: string, label: string, dropped: number, errors: number) => {
    remaining -= dropped + errors;
    steps.push({ stage, label, dropped, errors, remaining, share: share(remaining) });
  };
  const sourceErrors = tally.errors.source ?? 0;
  if (sourceErrors > 0) push("source", "Readable from the source", 0, sourceErrors);
  for (const s of stages) {
    push(s.id, s.label, tally.dropped[s.id] ?? 0, tally.errors[s.id] ?? 0);
    // Only a run's own tally has timings; a projected funnel re-judges without measuring.
    const t = tally.timing?.[s.id];
    if (t && t.items > 0) steps.at(-1)!.msPerItem = t.ms / t.items;
  }
  for (const { stage, label } of RUN_WIDE_STEPS) {
    const removed = removals[stage];
    if (removed !== undefined) push(stage, label, removed, 0);
  }
  return steps;
}
