/**
 * Decisions as JSON Lines, the manifest format most training loaders read without Parquet: one
 * object a line with the same fields as the Parquet table (../run/decision-table.ts), scores
 * nested under "scores" and hashes under "hashes" (embeddings are left out: they stay in the
 * shards' Parquet). Appended a group at a time.
 */
import fs from "node:fs";
import type { CurationDecision } from "./decide-shard";

export class DecisionJsonlWriter {
  private readonly fd: number;
  rows = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, "w");
  }

  async write(group: readonly CurationDecision[]): Promise<void> {
    if (group.length === 0) return;
    const lines = group.map((d) =>
      JSON.stringify({
        item_id: d.itemId,
        source: d.source,
        location: d.location,
        caption: d.caption,
        metadata: d.metadata,
        status: d.status,
        first_failing_stage: d.firstFailingStage,
        reason: d.reason,
        scores: d.scores,
        labels: d.labels,
        hashes: d.hashes,
        ...(d.concept ? { concept_cluster: d.concept.cluster, sampling_weight: d.concept.weight } : {}),
      }),
    );
    fs.appendFileSync(this.fd, lines.join("\n") + "\n");
    this.rows += group.length;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
