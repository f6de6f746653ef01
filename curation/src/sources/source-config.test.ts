import { describe, expect, it } from "vitest";
import { SourceError } from "./errors";
import { parseSourceConfig } from "./source-config";

describe("parseSourceConfig", () => {
  it("accepts each kind and normalizes extensions", () => {
    expect(parseSourceConfig({ kind: "folder", root: "/data", extensions: ["JPG", ".Png"] })).toEqual({
      kind: "folder",
      root: "/data",
      extensions: [".jpg", ".png"],
    });
    expect(
      parseSourceConfig({ kind: "manifest", path: "m.csv", pathColumn: "file", captionColumn: "text" }),
    ).toMatchObject({ kind: "manifest", pathColumn: "file" });
    expect(parseSourceConfig({ kind: "webdataset", shards: ["data-{0000..0099}.tar"] })).toMatchObject({
      kind: "webdataset",
    });
  });

  it("wants exactly one of the path and URL columns", () => {
    expect(() => parseSourceConfig({ kind: "manifest", path: "m.csv" })).toThrow(
      /pathColumn: name exactly one of pathColumn and urlColumn/,
    );
    expect(() =>
      parseSourceConfig({ kind: "manifest", path: "m.csv", pathColumn: "a", urlColumn: "b" }),
    ).toThrow(/exactly one/);
    expect(() =>
      parseSourceConfig({ kind: "manifest", path: "m.csv", pathColumn: "a", captionColumn: "a" }),
    ).toThrow(/captionColumn must differ/);
  });

  it("gives one-line SourceErrors for unknown kinds, keys, formats and bad patterns", () => {
    const cases: [unknown, RegExp][] = [
      [{ kind: "gcs" }, /^invalid source config: kind: /],
      [{ kind: "s3" }, /^invalid source config: bucket: /],
      [{ kind: "s3", bucket: "b", endpoint: "ftp://x" }, /endpoint: /],
      [{ kind: "folder", root: "/d", recursive: true }, /Unrecognized key: "recursive"/],
      [{ kind: "manifest", path: "m.x", pathColumn: "p", format: "xlsx" }, /format: /],
      [{ kind: "webdataset", shards: [] }, /shards: /],
      [{ kind: "webdataset", shards: ["a-{0..3.tar"] }, /shards\.0: unmatched "\{"/],
      [{ kind: "folder", root: "/d", extensions: ["*.jpg"] }, /extensions\.0: an extension like/],
    ];
    for (const [input, message] of cases) {
      let thrown: unknown;
      try {
        parseSourceConfig(input);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(SourceError);
      expect((thrown as Error).message).toMatch(message);
      expect((thrown as Error).message).not.toContain("\n");
    }
  });
});
