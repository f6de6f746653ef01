import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConceptPass, samplingWeight } from "./concept-pass";
import { normalized } from "./spherical-kmeans";

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const item = (id: string, v: number[]) => ({ itemId: id, source: `${id}.png`, embedding: normalized(v) });

describe("ConceptPass", () => {
  it("clusters, removes near-duplicates within a cluster (first in order kept), and weights by 1/√size", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "concepts-"));
    // Four "red" items (two nearly the same), two "green", one "blue".
    const items = [
      item("r1", [1, 0, 0]),
      item("g1", [0, 1, 0]),
      item("r2", [1, 0.001, 0]),
      item("r3", [1, 0.3, 0]),
      item("b1", [0, 0, 1]),
      item("g2", [0.1, 1, 0]),
      item("r4", [1, 0, 0.3]),
    ];
    const pass = new ConceptPass(dir, { clusters: 3, dedupSimilarity: 0.999 });
    for (const i of items) pass.sample(i);
    pass.fit();
    expect(pass.clusterCount).toBe(3);
    for (const i of items.slice(0, 4)) pass.assign(i);
    pass.flush();
    for (const i of items.slice(4)) pass.assign(i);
    const { duplicates, clusterOf, sizes } = pass.result();
    expect([...duplicates.keys()]).toEqual(["r2"]);
    expect(duplicates.get("r2")).toMatchObject({ duplicateOf: "r1", duplicateOfSource: "r1.png" });
    expect(duplicates.get("r2")!.similarity).toBeGreaterThan(0.999);
    const red = clusterOf.get("r1")!;
    expect(["r3", "r4"].map((id) => clusterOf.get(id))).toEqual([red, red]);
    expect(clusterOf.get("g1")).toBe(clusterOf.get("g2"));
    expect(clusterOf.has("r2")).toBe(false);
    expect([...sizes].sort()).toEqual([1, 2, 3]);
    expect(sizes[red]).toBe(3);
    expect(samplingWeight(sizes[red]!)).toBeCloseTo(1 / Math.sqrt(3), 12);
  });

  it("removes nothing without a similarity threshold, and skips items without an embedding", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "concepts-"));
    const pass = new ConceptPass(dir, { clusters: 2, dedupSimilarity: null });
    const items = [item("a", [1, 0]), item("b", [1, 0]), { itemId: "c", source: "c.png" }];
    for (const i of items) pass.sample(i);
    pass.fit();
    for (const i of items) pass.assign(i);
    const { duplicates, clusterOf } = pass.result();
    expect(duplicates.size).toBe(0);
    expect([...clusterOf.keys()]).toEqual(["a", "b"]);
  });
});
