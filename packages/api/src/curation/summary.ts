/** What a finished curation run records: its funnel and counts, and where its outputs are. */
import type { DecisionTally, FunnelStep } from "@loupe/curation";

export type CurationSummary = {
  /** Items, kept before near-duplicate removal, and per stage the items dropped and unreadable. */
  tally: DecisionTally;
  funnel: FunnelStep[];
  dedup: { hash: string; maxDistance: number; removed: number } | null;
  /** Items in the kept set (after near-duplicate removal). */
  kept: number;
};

export type CurationOutput = {
  /** In media storage. */
  sha256: string;
  bytes: number;
  rows: number;
  format: "parquet" | "jsonl";
  /** The name it downloads as: kept.parquet, dropped.jsonl, … */
  fileName: string;
};

/** The kept set (the manifest to train on) and the dropped set (every removed item with its reason). */
export type CurationOutputs = { kept: CurationOutput; dropped: CurationOutput };
