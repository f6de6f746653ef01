import { describe, expect, it } from "vitest";
import { parseKeypointPredictions } from "./parse-predictions";

describe("parseKeypointPredictions", () => {
  it("reads JSON lines, reporting each bad line and a repeated pair", () => {
    const text = [
      '{"pair": "p1", "keypoints": [[1, 2], null]}',
      "",
      "not json",
      '{"pair": "p2", "keypoints": [[1, "x"]]}',
      '{"pair": "p1", "keypoints": [[3, 4]]}',
    ].join("\n");
    const r = parseKeypointPredictions(text);
    expect(r.rows).toEqual([{ line: 1, pair: "p1", keypoints: [[1, 2], null] }]);
    expect(r.errors).toEqual([
      { line: 3, message: "not valid JSON" },
      { line: 4, message: "keypoints.0.1: Invalid input: expected number, received string" },
      { line: 5, pair: "p1", message: 'pair "p1" appears twice' },
    ]);
  });

  it("reads the mapping form", () => {
    const r = parseKeypointPredictions(
      JSON.stringify({
        a: [[0, 0]],
        b: [
          [5, 6],
          [7, 8],
        ],
        c: [],
      }),
    );
    expect(r.rows.map((x) => [x.pair, x.keypoints.length])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(r.errors).toEqual([
      { line: 3, pair: "c", message: "Too small: expected array to have >=1 items" },
    ]);
  });

  it("refuses an empty file", () => {
    expect(() => parseKeypointPredictions("  \n")).toThrow("the predictions file is empty");
  });
});
