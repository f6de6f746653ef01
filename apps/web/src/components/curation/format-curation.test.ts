import { describe, expect, it } from "vitest";
import {
  formatAgreement,
  formatEta,
  formatMs,
  formatScore,
  formatShare,
  headlineScores,
} from "./format-curation";

describe("curation formats", () => {
  it("shows shares, scores and times left as people read them", () => {
    expect([formatShare(0), formatShare(0.0004), formatShare(0.4286)]).toEqual(["0%", "<0.1%", "42.9%"]);
    expect([formatScore(1280), formatScore(0.12345), formatScore(1234.5)]).toEqual([
      "1,280",
      "0.123",
      "1,235",
    ]);
    expect([formatEta(null), formatEta(12.2), formatEta(125), formatEta(7200)]).toEqual([
      "–",
      "13 s",
      "3 min",
      "2.0 h",
    ]);
  });
});

describe("formatAgreement", () => {
  it("reads an audit group's finding with its interval, or says nothing is answered", () => {
    expect(formatAgreement({ decided: 20, shouldDrop: 18, share: 0.9, interval: [0.699, 0.972] })).toBe(
      "18 of 20 would drop · 90% (95% CI 70%–97%)",
    );
    expect(formatAgreement({ decided: 0, shouldDrop: 0, share: null, interval: null })).toBe(
      "not answered yet",
    );
  });
});

describe("headlineScores", () => {
  it("shows thresholded scores, the failing stage's first, and leaves sub-measures out", () => {
    const scores = {
      "border.top": 0.2,
      "border.share": 0.4,
      "blur.sharpness": 512,
      "exposure.meanLuma": 0.3,
    };
    const thresholds = ["exposure.meanLuma", "border.share", "blur.sharpness"];
    expect(headlineScores(scores, thresholds, "border")).toEqual([
      ["border.share", 0.4],
      ["exposure.meanLuma", 0.3],
      ["blur.sharpness", 512],
    ]);
    expect(headlineScores(scores, thresholds, null, 2)).toEqual([
      ["exposure.meanLuma", 0.3],
      ["border.share", 0.4],
    ]);
  });
});

describe("formatMs", () => {
  it("reads a stage's time per item", () => {
    expect(formatMs(0.4213)).toBe("0.42 ms");
    expect(formatMs(12.34)).toBe("12.3 ms");
    expect(formatMs(1234)).toBe("1.2 s");
  });
});
