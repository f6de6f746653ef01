/**
 * The projected funnel: what a run would have kept under other thresholds, from the measurements it
 * recorded, without reading an image again. Every stage measured every item it could read (the
 * pipeline goes on after the first failure), so each item is judged afresh by every stage's
 * `judge` under the new configs; items that could not be read stay errors at their stage.
 *
 * Near-duplicates: an item the run found to be a near-duplicate is removed when the item its
 * cluster kept is still kept under the new thresholds. When that item is now dropped, the run's
 * rule would keep the cluster's next member instead; the projection keeps every such member — an
 * upper bound on what survives, said on the page. Embedding near-duplicates (the concept pass)
 * follow the same rule, after the perceptual-hash ones.
 */
import { measuredBy, type ItemDecision } from "../pipeline";
import type { ConfiguredStage } from "../stages/stage";
import { emptyTally, funnelOf, type FunnelStep } from "./tally";

type Recorded = Pick<
  ItemDecision,
  "itemId" | "status" | "firstFailingStage" | "reason" | "scores" | "labels"
>;

/** The decision an item gets from its recorded measurements under `stages` (in run order). */
export function projectDecision(
  d: Recorded,
  stages: readonly ConfiguredStage[],
): Pick<ItemDecision, "status" | "firstFailingStage" | "reason"> {
  if (d.status === "error")
    return { status: "error", firstFailingStage: d.firstFailingStage, reason: d.reason };
  for (const { stage, config } of stages) {
    const failure = stage.judge(measuredBy(stage, d), config);
    if (failure !== undefined) return { status: "dropped", firstFailingStage: stage.id, reason: failure };
  }
  return { status: "kept", firstFailingStage: null, reason: null };
}

export class FunnelProjection {
  private readonly tally = emptyTally();
  private readonly representatives: Set<string>;
  private readonly keptRepresentatives = new Set<string>();
  private removedDuplicates = 0;
  private readonly semanticRepresentatives: Set<string>;
  private readonly keptSemanticRepresentatives = new Set<string>();
  private removedSemanticDuplicates = 0;

  /**
   * @param stages the stages with the new configs, in run order
   * @param duplicates the run's near-duplicates (item → the item its cluster kept), or null
   * @param semanticDuplicates the run's embedding near-duplicates, likewise, or null
   */
  constructor(
    private readonly stages: readonly ConfiguredStage[],
    private readonly duplicates: ReadonlyMap<string, string> | null,
    private readonly semanticDuplicates: ReadonlyMap<string, string> | null = null,
  ) {
    this.representatives = new Set(duplicates?.values() ?? []);
    this.semanticRepresentatives = new Set(semanticDuplicates?.values() ?? []);
  }

  /** Items must come in source order (a cluster's kept item comes before its other members). */
  add(d: Recorded): void {
    const projected = projectDecision(d, this.stages);
    this.tally.items++;
    if (projected.status !== "kept") {
      const counts = projected.status === "dropped" ? this.tally.dropped : this.tally.errors;
      const stage = projected.firstFailingStage ?? "unknown";
      counts[stage] = (counts[stage] ?? 0) + 1;
      return;
    }
    this.tally.kept++;
    if (this.representatives.has(d.itemId)) this.keptRepresentatives.add(d.itemId);
    const keptBy = this.duplicates?.get(d.itemId);
    if (keptBy !== undefined && this.keptRepresentatives.has(keptBy)) {
      this.removedDuplicates++;
      return;
    }
    if (this.semanticRepresentatives.has(d.itemId)) this.keptSemanticRepresentatives.add(d.itemId);
    const similarTo = this.semanticDuplicates?.get(d.itemId);
    if (similarTo !== undefined && this.keptSemanticRepresentatives.has(similarTo))
      this.removedSemanticDuplicates++;
  }

  funnel(): FunnelStep[] {
    return funnelOf(
      this.tally,
      this.stages.map((s) => ({ id: s.stage.id, label: s.stage.label })),
      {
        ...(this.duplicates ? { dedup: this.removedDuplicates } : {}),
        ...(this.semanticDuplicates ? { semdedup: this.removedSemanticDuplicates } : {}),
      },
    );
  }
}
