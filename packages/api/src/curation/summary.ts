/** What a finished curation run records: its funnel and counts, its insights, and where its outputs are. */
import type { DecisionTally, FunnelStep, ScoreHistogram } from "@loupe/curation";

/** An item shown in a gallery: what it is, what happened to it, and its thumbnail when it has one. */
export type CurationSample = {
  itemId: string;
  source: string;
  status: "kept" | "dropped" | "error";
  stage: string | null;
  reason: string | null;
  scores: Record<string, number>;
  /** A WebP thumbnail in media storage; null when the item could not be read. */
  thumbnailSha256: string | null;
};

export type DuplicateCluster = {
  kept: CurationSample;
  /** Its other members (at most a few), with their Hamming distance to the kept item. */
  duplicates: (CurationSample & { distance: number })[];
  size: number;
};

export type CurationSummary = {
  /** Items, kept before near-duplicate removal, and per stage the items dropped and unreadable. */
  tally: DecisionTally;
  funnel: FunnelStep[];
  dedup: { hash: string; maxDistance: number; removed: number } | null;
  /** Items in the kept set (after near-duplicate removal). */
  kept: number;
  histograms: ScoreHistogram[];
  /** Uniform random samples: of the kept set, and of each step's removals ("dedup" included). */
  samples: { kept: CurationSample[]; removed: Record<string, CurationSample[]> };
  /** A few near-duplicate clusters, largest first. */
  clusters: DuplicateCluster[];
  /**
   * Runs with concepts: the clusters, their sizes (largest first, after embedding near-duplicates
   * were removed) and how many near-duplicates were removed.
   */
  concepts?: { clusters: number; sizes: number[]; removed: number; dedupSimilarity: number | null } | null;
  /** Video runs with a clips output: the clips cut from the kept videos, and their total length. */
  clips?: { count: number; seconds: number } | null;
};

export type CurationOutput = {
  /** In media storage. */
  sha256: string;
  bytes: number;
  rows: number;
  format: "parquet" | "jsonl" | "tar";
  /** The name it downloads as: kept.parquet, dropped.jsonl, … */
  fileName: string;
};

/**
 * The kept set (the manifest to train on), the dropped set (every removed item with its reason)
 * and, when the run deduplicates, the near-duplicates (item, the item its cluster kept, distance).
 */
export type CurationOutputs = {
  kept: CurationOutput;
  dropped: CurationOutput;
  duplicates: CurationOutput | null;
  /** The kept set as WebDataset shards, when the pipeline asks for them (`rows` = samples). */
  webdataset: CurationOutput[];
  /** Embedding near-duplicates (runs whose concept pass removes them); absent before concepts existed. */
  semanticDuplicates?: CurationOutput | null;
  /** The kept videos' clips as WebDataset shards (`rows` = clips); absent before clips existed. */
  clips?: CurationOutput[];
};
