import { describe, expect, it } from "vitest";
import { assertShardSize, shardCount, shardId, shardItems, type Shard } from "./shards";

async function all<T>(shards: AsyncIterable<Shard<T>>): Promise<Shard<T>[]> {
  const out: Shard<T>[] = [];
  for await (const shard of shards) out.push(shard);
  return out;
}

describe("shardItems", () => {
  const items = Array.from({ length: 2500 }, (_, i) => `item-${i}`);

  it("cuts items into fixed-size shards in order, the last one smaller", async () => {
    const shards = await all(shardItems(items, 1000));
    expect(shards.map((s) => [s.id, s.index, s.items.length])).toEqual([
      ["shard-00000", 0, 1000],
      ["shard-00001", 1, 1000],
      ["shard-00002", 2, 500],
    ]);
    expect(shards.flatMap((s) => s.items)).toEqual(items);
    expect(shardCount(items.length, 1000)).toBe(3);
  });

  it("gives the same shards for the same order, from an async source too", async () => {
    async function* source() {
      yield* items;
    }
    expect(await all(shardItems(source(), 1000))).toEqual(await all(shardItems(items, 1000)));
  });

  it("makes no shard of nothing and exactly full shards when it divides", async () => {
    expect(await all(shardItems([], 1000))).toEqual([]);
    expect((await all(shardItems(items.slice(0, 2000), 1000))).length).toBe(2);
  });

  it("refuses sizes outside 1,000–10,000", async () => {
    for (const size of [999, 10_001, 1500.5, 0, Number.NaN])
      expect(() => assertShardSize(size)).toThrow(/from 1000 to 10000/);
    await expect(all(shardItems(items, 0))).rejects.toThrow(RangeError);
    expect((await all(shardItems(items, 10))).length).toBeGreaterThan(0);
    expect(() => assertShardSize(1000)).not.toThrow();
    expect(() => assertShardSize(10_000)).not.toThrow();
  });

  it("names shards with five zero-padded digits", () => {
    expect(shardId(0)).toBe("shard-00000");
    expect(shardId(123)).toBe("shard-00123");
    expect(() => shardId(-1)).toThrow(RangeError);
  });
});
