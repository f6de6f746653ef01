import { hintClass } from "../styles";
import { SampleTile } from "./sample-gallery";
import type { Cluster } from "./types";

/** The largest near-duplicate clusters, each the item kept beside the ones removed as its copies. */
export function DuplicateClusters({
  clusters,
  maxDistance,
  thresholdScores,
}: {
  clusters: Cluster[];
  maxDistance: number;
  thresholdScores: readonly string[];
}) {
  return (
    <section aria-labelledby="clusters" className="space-y-3">
      <h2 id="clusters" className="text-base font-semibold">
        Near-duplicate clusters
      </h2>
      <p className={hintClass}>
        Items whose perceptual hashes differ in at most {maxDistance} of 64 bits are linked; each cluster
        keeps its first item in source order.
      </p>
      {clusters.length === 0 ? <p className={hintClass}>No near-duplicates were found.</p> : null}
      {clusters.map((c) => (
        <div key={c.kept.itemId} aria-label={`Cluster of ${c.size}`} data-testid="duplicate-cluster">
          <p className="mb-1 text-sm">
            {c.size} items{c.duplicates.length < c.size - 1 ? ` (${c.duplicates.length + 1} shown)` : ""}
          </p>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            <SampleTile item={c.kept} thresholdScores={thresholdScores} />
            {c.duplicates.map((d) => (
              <SampleTile
                key={d.itemId}
                item={d}
                extra={`distance ${d.distance}`}
                thresholdScores={thresholdScores}
              />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
