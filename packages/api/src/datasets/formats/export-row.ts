/**
 * A preference row as a format writes it (split, display model names, pseudonyms, image paths),
 * and the shape every format writer has: a sink that takes rows as the export streams them and
 * closes its files at the end.
 */
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
  /** The bytes of a stored image (Pick-a-Pic inline, WebDataset). */
  readImage?: (sha256: string) => Promise<Buffer>;
}

/**
 * A format's files being written. `add` takes rows in export order, every row of a prompt in the
 * same call (the ranking layouts rank a prompt's images from all its rows); `finish` closes the
 * files and returns their paths relative to the export's directory, in a fixed order.
 */
export interface FormatSink {
  add(rows: readonly ExportRow[]): Promise<void>;
  finish(): Promise<string[]>;
}

export type FormatWriter = (ctx: FormatContext) => FormatSink;

/** Every row through a writer at once: for tests and small exports. */
export async function writeRows(
  writer: FormatWriter,
  rows: readonly ExportRow[],
  ctx: FormatContext,
): Promise<string[]> {
  const sink = writer(ctx);
  await sink.add(rows);
  return sink.finish();
}

/** Label pair as Pick-a-Pic and HPDv2 write it: 1/0, 0/1 or 0.5/0.5. */
export function labels(row: PreferenceRow): [number, number] {
  return row.preference === "a" ? [1, 0] : row.preference === "b" ? [0, 1] : [0.5, 0.5];
}

/** Rows by split, each split's rows in their order. */
export function bySplit(rows: readonly ExportRow[]): Map<Split, ExportRow[]> {
  const out = new Map<Split, ExportRow[]>();
  for (const row of rows) {
    const part = out.get(row.split);
    if (part) part.push(row);
    else out.set(row.split, [row]);
  }
  return out;
}
