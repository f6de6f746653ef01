import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOrder } from "../pipeline";
import { parsePipeline, measurementColumns } from "../pipeline-definition";
import { openSource } from "../sources/open-source";
import type { SourceItem } from "../sources/item";
import { testPipeline, writeTestCorpus, type ExpectedDecision } from "../testing/corpus";
import { decideShard, type CurationDecision } from "./decide-shard";
import { decideShardOnThreads } from "./decision-pool";
import { DecisionJsonlWriter } from "./decision-jsonl";
import { asyncBufferOf, decodeDecisions, encodeDecisions } from "./decision-table";
import { findRunDuplicates } from "./dedup-pass";
import { funnelOf, mergeTallies, tallyDecisions } from "./tally";

let root: string;
let expected: Record<string, ExpectedDecision>;
let items: SourceItem[];
let decisions: CurationDecision[];
const pipeline = () => parsePipeline(testPipeline(root));

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "loupe-run-"));
  expected = await writeTestCorpus(root);
  items = [];
  for await (const item of await openSource(pipeline().definition.source)) items.push(item);
  decisions = await decideShard(items, pipeline(), { concurrency: 3 });
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

describe("decideShard", () => {
  it("gives every item exactly one decision, in the items' order, with the expected stage", () => {
    expect(decisions.map((d) => d.itemId)).toEqual(items.map((i) => i.id));
    expect(decisions.map((d) => d.source).sort()).toEqual(Object.keys(expected).sort());
    for (const d of decisions) {
      const want = expected[d.source]!;
      // Near-duplicates are only found by the run-wide pass: the stages keep them.
      if (want.stage === "dedup") expect(d.status, d.source).toBe("kept");
      else expect([d.status, d.firstFailingStage], d.source).toEqual([want.status, want.stage]);
      expect(d.location).toBe(path.join(root, d.source));
    }
    expect(decisions.find((d) => d.source === "d-bomb.png")!.reason).toMatch(/above the limit/);
  });

  it("reports progress once per item", async () => {
    const seen: number[] = [];
    await decideShard(items.slice(0, 3), pipeline(), { onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe("decision tables", () => {
  it("round-trip through Parquet with every score, hash, reason and metadata", async () => {
    const columns = measurementColumns(runOrder(pipeline().stages));
    const bytes = await encodeDecisions(decisions, columns);
    expect(bytes.subarray(0, 4).toString()).toBe("PAR1");
    const back = await decodeDecisions(asyncBufferOf(bytes));
    // Everything but the stage timings, which are counted in the tally and never stored.
    expect(back).toEqual(decisions.map(({ stageMs: _, ...d }) => d));
    // Deterministic: the same decisions give the same bytes.
    expect((await encodeDecisions(decisions, columns)).equals(bytes)).toBe(true);
  });

  it("are written as JSON Lines with the same fields", async () => {
    const file = path.join(root, "out.jsonl");
    const writer = new DecisionJsonlWriter(file);
    await writer.write(decisions.slice(0, 2));
    await writer.write(decisions.slice(2));
    writer.close();
    const lines = (await fs.readFile(file, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(decisions.length);
    expect(lines[0]).toMatchObject({ item_id: decisions[0]!.itemId, status: decisions[0]!.status });
    expect(writer.rows).toBe(decisions.length);
  });
});

describe("the run-wide near-duplicate pass and the funnel", () => {
  it("drops each copy as a near-duplicate of the first item of its cluster", () => {
    const kept = decisions.filter((d) => d.status === "kept");
    const dupes = findRunDuplicates(
      kept.map((d) => ({ itemId: d.itemId, source: d.source, hash: d.hashes.phash! })),
      8,
    );
    const bySource = new Map(
      [...dupes].map(([id, d]) => [decisions.find((x) => x.itemId === id)!.source, d]),
    );
    expect(new Set(bySource.keys())).toEqual(
      new Set(Object.keys(expected).filter((f) => expected[f]!.stage === "dedup")),
    );
    expect(bySource.get("b-copy-of-a-01.png")).toMatchObject({ duplicateOfSource: "a-01.png", distance: 0 });
    expect(bySource.get("b-jpeg-of-a-02.jpg")!.duplicateOfSource).toBe("a-02.png");
  });

  it("counts what each stage removed, in run order, ending at the kept count", () => {
    const tally = mergeTallies([tallyDecisions(decisions.slice(0, 5)), tallyDecisions(decisions.slice(5))]);
    // Merged shard tallies equal one tally of all (timings up to the order floats are summed in).
    const { timing, ...counts } = tally;
    const { timing: wholeTiming, ...wholeCounts } = tallyDecisions(decisions);
    expect(counts).toEqual(wholeCounts);
    for (const [stage, t] of Object.entries(wholeTiming!)) {
      expect(timing![stage]!.items).toBe(t.items);
      expect(timing![stage]!.ms).toBeCloseTo(t.ms, 6);
    }
    const stages = runOrder(pipeline().stages).map((s) => ({ id: s.stage.id, label: s.stage.label }));
    const funnel = funnelOf(tally, stages, { dedup: 2 });
    expect(funnel.map((s) => [s.stage, s.dropped, s.errors, s.remaining])).toEqual([
      ["resolution", 1, 2, 15 - 3],
      ["decode", 0, 1, 11],
      ["exposure", 1, 0, 10],
      ["border", 1, 0, 9],
      ["blur", 1, 0, 8],
      ["phash", 0, 0, 8],
      ["dedup", 2, 0, 6],
    ]);
    expect(funnel.at(-1)!.share).toBeCloseTo(6 / 15);
    // Every readable item was timed by every stage it reached; the funnel says the mean per item.
    expect(tally.timing!.decode!.items).toBe(15 - 2);
    expect(funnel.find((s) => s.stage === "blur")!.msPerItem).toBeGreaterThan(0);
  });
});

describe("deciding on worker threads", () => {
  it("gives the same decisions as deciding in this thread, in the items' order", async () => {
    const threaded = await decideShardOnThreads(items, pipeline(), { threads: 2 });
    // libvips words its own errors (a truncated file) from a buffer that concurrent decodes share,
    // so an error's text may differ; everything else must be the same.
    const comparable = (list: CurationDecision[]) =>
      list.map(({ stageMs: _, ...d }) =>
        d.status === "error" ? { ...d, reason: d.reason?.split(":")[0] } : d,
      );
    expect(comparable(threaded)).toEqual(comparable(decisions));
  }, 60_000);
});
