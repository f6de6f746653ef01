import { describe, expect, it } from "vitest";
import type { CurationDecision } from "./decide-shard";
import { asyncBufferOf, decodeDecisions, encodeDecisions } from "./decision-table";

const decision = (over: Partial<CurationDecision>): CurationDecision => ({
  itemId: "id-1",
  source: "a.png",
  status: "kept",
  firstFailingStage: null,
  reason: null,
  scores: { "blur.sharpness": 120.5 },
  labels: { "metadata.format": "png" },
  hashes: { phash: "0123456789abcdef" },
  location: "/data/a.png",
  caption: "a cat",
  metadata: { width: 3 },
  ...over,
});

describe("decision tables", () => {
  it("round-trip embeddings (float32 bytes) and concept columns when asked for, exactly", async () => {
    const embedding = Float32Array.from([0.6, -0.8, 1 / 3]);
    const rows = [
      decision({ embedding, concept: { cluster: 4, weight: 0.5 } }),
      decision({ itemId: "id-2", status: "error", firstFailingStage: "decode", reason: "does not decode" }),
    ];
    const bytes = await encodeDecisions(rows, {
      scores: ["blur.sharpness"],
      labels: ["metadata.format"],
      embedding: true,
      concepts: true,
    });
    const back = await decodeDecisions(asyncBufferOf(bytes));
    expect(Array.from(back[0]!.embedding!)).toEqual(Array.from(embedding));
    expect(back[0]!.concept).toEqual({ cluster: 4, weight: 0.5 });
    expect(back[0]!.scores).toEqual({ "blur.sharpness": 120.5 });
    expect(back[0]!.labels).toEqual({ "metadata.format": "png" });
    expect(back[1]!.embedding).toBeUndefined();
    expect(back[1]!.concept).toBeUndefined();
  });

  it("leaves the embedding out of tables that do not ask for it", async () => {
    const bytes = await encodeDecisions([decision({ embedding: Float32Array.from([1, 0]) })], {
      scores: ["blur.sharpness"],
      labels: [],
    });
    const [back] = await decodeDecisions(asyncBufferOf(bytes));
    expect(back!.embedding).toBeUndefined();
    expect(Object.keys(back!.scores)).toEqual(["blur.sharpness"]);
  });
});
