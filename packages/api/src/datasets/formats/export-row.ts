/** A preference row as a format writes it: split, display model names, pseudonyms, image paths. */
import type { Split } from "../export-config";
import type { PreferenceRow } from "../preference-rows";

export interface ExportRow extends PreferenceRow {
  split: Split;
  /** Pseudonymized rater ids. */
  raters: string[];
  modelA: string;
  modelB: string;
  /** Relative paths of the two images inside the export. */
  imageA: string;
  imageB: string;
  /** reward-difference: each output's reward in the chosen evaluation run. */
  rewardA?: number;
  rewardB?: number;
}

export interface FormatContext {
  /** The export's directory; writers create files under it. */
  dir: string;
  /** The bytes of a stored image (Pick-a-Pic inline). */
  readImage?: (sha256: string) => Promise<Buffer>;
}

/** Writes a format's files and returns their paths relative to the export's directory. */
export type FormatWriter = (rows: readonly ExportRow[], ctx: FormatContext) => Promise<string[]>;

/** Label pair as Pick-a-Pic and HPDv2 write it: 1/0, 0/1 or 0.5/0.5. */
export function labels(row: PreferenceRow): [number, number] {
  return row.preference === "a" ? [1, 0] : row.preference === "b" ? [0, 1] : [0.5, 0.5];
}

export function bySplit(rows: readonly ExportRow[]): Map<Split, ExportRow[]> {
  const out = new Map<Split, ExportRow[]>();
  for (const row of rows) out.set(row.split, [...(out.get(row.split) ?? []), row]);
  return out;
}
