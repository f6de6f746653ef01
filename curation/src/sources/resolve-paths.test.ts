import { describe, expect, it } from "vitest";
import { resolveSourcePaths } from "./resolve-paths";

describe("resolveSourcePaths", () => {
  it("makes a source's paths absolute against the pipeline file's folder, leaving absolute ones", () => {
    expect(resolveSourcePaths({ kind: "folder", root: "images" }, "/jobs")).toEqual({
      kind: "folder",
      root: "/jobs/images",
    });
    expect(
      resolveSourcePaths(
        { kind: "manifest", path: "../m.csv", pathColumn: "file", root: "/data" },
        "/jobs/a",
      ),
    ).toEqual({ kind: "manifest", path: "/jobs/m.csv", pathColumn: "file", root: "/data" });
  });

  it("keeps WebDataset shard names relative to their root, or resolves them when there is none", () => {
    expect(
      resolveSourcePaths({ kind: "webdataset", shards: ["s-{0..1}.tar"], root: "wds" }, "/jobs"),
    ).toEqual({
      kind: "webdataset",
      shards: ["s-{0..1}.tar"],
      root: "/jobs/wds",
    });
    expect(resolveSourcePaths({ kind: "webdataset", shards: ["wds/s-{0..1}.tar"] }, "/jobs")).toEqual({
      kind: "webdataset",
      shards: ["/jobs/wds/s-{0..1}.tar"],
    });
  });
});
