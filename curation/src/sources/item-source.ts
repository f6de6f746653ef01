import type { SourceItem, SourceKind } from "./item";

/**
 * An opened source: iterate it (each iteration reads the source afresh, in the same order, with
 * the same ids) to get every item and item-level error exactly once.
 */
export interface ItemSource extends AsyncIterable<SourceItem> {
  readonly kind: SourceKind;
  /** How many items an iteration yields, when that is cheap to know without reading them; else null. */
  countItems(): Promise<number | null>;
}

export function itemSource(
  kind: SourceKind,
  iterate: () => AsyncIterator<SourceItem>,
  countItems: () => Promise<number | null>,
): ItemSource {
  return { kind, countItems, [Symbol.asyncIterator]: iterate };
}

/** Counts what an iterable yields. */
export async function countOf(items: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of items) n++;
  return n;
}
