/**
 * A generation job's items are every (prompt, seed) of its prompt set and seed list, in a fixed
 * order: prompts by position, then seeds. Chunk k holds items [k·size, (k+1)·size). The order and
 * the chunking depend only on the job, so any worker, on any machine, after any crash, computes
 * the same chunk the same way — the basis for resuming without skipping or redoing an item.
 */
export type GenerationItem<P> = { prompt: P; seed: bigint; index: number };

/** How many chunks `total` items make at `chunkSize` per chunk. */
export function planChunks(total: number, chunkSize: number): number {
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new RangeError("chunkSize must be a positive integer");
  return Math.ceil(total / chunkSize);
}

/** The items of chunk `chunk` (0-based). */
export function itemsOfChunk<P>(
  chunk: number,
  chunkSize: number,
  prompts: readonly P[],
  seeds: readonly bigint[],
): GenerationItem<P>[] {
  const total = prompts.length * seeds.length;
  const items: GenerationItem<P>[] = [];
  for (let index = chunk * chunkSize; index < Math.min(total, (chunk + 1) * chunkSize); index++) {
    items.push({
      prompt: prompts[Math.floor(index / seeds.length)]!,
      seed: seeds[index % seeds.length]!,
      index,
    });
  }
  return items;
}
