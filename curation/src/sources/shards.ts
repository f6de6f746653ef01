/**
 * A run's items split into shards of a fixed size, in source order: shard k holds items
 * [k·size, (k+1)·size), its id is "shard-" and k zero-padded to five digits. The same source read
 * in the same order gives the same shards with the same items, so a shard's recorded completion
 * means the same thing on every retry and every machine. Only the shard being filled is in memory.
 */
export const MIN_SHARD_SIZE = 1000;
export const MAX_SHARD_SIZE = 10_000;

export type Shard<T> = { id: string; index: number; items: T[] };

/** "shard-00000", "shard-00001", … */
export function shardId(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0)
    throw new RangeError(`shard index must be a whole number ≥ 0, not ${index}`);
  return `shard-${String(index).padStart(5, "0")}`;
}

export function assertShardSize(size: number): void {
  if (!Number.isInteger(size) || size < MIN_SHARD_SIZE || size > MAX_SHARD_SIZE)
    throw new RangeError(
      `shard size must be a whole number from ${MIN_SHARD_SIZE} to ${MAX_SHARD_SIZE}, not ${size}`,
    );
}

function assertPositiveSize(size: number): void {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`shard size must be a whole number ≥ 1, not ${size}`);
}

/**
 * The items in shards of `size` (the last one may be smaller; no empty shard). Any size ≥ 1 is
 * accepted here, for tests and tiny corpora; pipeline definitions hold runs to 1,000–10,000.
 */
export async function* shardItems<T>(
  items: AsyncIterable<T> | Iterable<T>,
  size: number,
): AsyncGenerator<Shard<T>> {
  assertPositiveSize(size);
  let index = 0;
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield { id: shardId(index), index, items: batch };
      index++;
      batch = [];
    }
  }
  if (batch.length) yield { id: shardId(index), index, items: batch };
}

/** How many shards `total` items make. */
export function shardCount(total: number, size: number): number {
  assertPositiveSize(size);
  return Math.ceil(total / size);
}
