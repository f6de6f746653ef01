/**
 * One shard's items through the pipeline: every item gets exactly one decision, in the shard's
 * order, whatever happens to it (unlocatable, unreadable, corrupt, too many pixels). A few items
 * are in flight at once so that decoding in libvips threads overlaps the JavaScript pixel work.
 */
import { decideItem, type ItemDecision } from "../pipeline";
import type { Pipeline } from "../pipeline-definition";
import type { SourceItem } from "../sources/item";
import type { ModelRegistry } from "../stages/stage";
import { loadItem } from "./load-item";
import { locationOf } from "./location";

/** A decision with what the outputs need to point at the item again. */
export type CurationDecision = ItemDecision & {
  /** The file path, URL, or "shard.tar#member" — where the item's bytes are. */
  location: string | null;
  caption: string | null;
  metadata: Record<string, unknown>;
  /** Kept items of a run with concepts: the item's concept cluster and its sampling weight. */
  concept?: { cluster: number; weight: number };
};

export async function decideSourceItem(
  item: SourceItem,
  pipeline: Pipeline,
  models: ModelRegistry = new Map(),
): Promise<CurationDecision> {
  const described = {
    location: locationOf(item.locator),
    caption: item.caption,
    metadata: item.metadata,
  };
  const loaded = await loadItem(item, pipeline.definition.download);
  if ("error" in loaded)
    return {
      itemId: item.id,
      source: item.source,
      status: "error",
      firstFailingStage: "source",
      reason: loaded.error,
      scores: {},
      labels: {},
      hashes: {},
      ...described,
    };
  const decision = await decideItem(loaded.item, pipeline.stages, {
    maxPixels: pipeline.definition.maxPixels,
    media: pipeline.definition.media,
    context: { caption: item.caption, models },
  });
  return { ...decision, ...described };
}

export type ShardProgress = (done: number, total: number) => void;

export type DecideShardOptions = {
  /** Items in flight at once (default 2). */
  concurrency?: number;
  onProgress?: ShardProgress;
  models?: ModelRegistry;
  /** Decides one item (default: in this thread); the threaded runner passes its pool's. */
  decide?: (item: SourceItem) => Promise<CurationDecision>;
};

/**
 * The decisions of a shard's items, in the items' order, `concurrency` at a time. In this thread;
 * `decideShardOnThreads` (@loupe/curation/threads) spreads the pixel work over cores.
 */
export async function decideShard(
  items: readonly SourceItem[],
  pipeline: Pipeline,
  opts: DecideShardOptions = {},
): Promise<CurationDecision[]> {
  const models = opts.models ?? new Map();
  const decide = opts.decide ?? ((item: SourceItem) => decideSourceItem(item, pipeline, models));
  const decisions: CurationDecision[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      decisions[i] = await decide(items[i]!);
      opts.onProgress?.(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, lane));
  return decisions;
}
