import { describe, expect, it } from "vitest";
import { finalDecision, itemConsensus, type ConsensusOptions, type Review } from "./consensus";

const opts = (over: Partial<ConsensusOptions> = {}): ConsensusOptions => ({
  rule: { agreement: "majority", escalateAtSeverity: "high" },
  needed: 3,
  categoryOrder: ["sexual", "violence", "hate"],
  severityOrder: ["low", "medium", "high"],
  ...over,
});
const clean: Review = { labels: [], severity: null };
const r = (labels: string[], severity: string): Review => ({ labels, severity });

describe("itemConsensus", () => {
  it("waits for every review", () => {
    expect(itemConsensus([clean, r(["violence"], "low")], opts())).toEqual({
      status: "pending",
      reviews: 2,
      needed: 3,
    });
  });

  it("decides by strict majority: categories, verdict and the lower-median severity", () => {
    const c = itemConsensus([r(["violence", "hate"], "medium"), r(["violence"], "low"), clean], opts());
    expect(c).toEqual({ status: "decided", violating: true, labels: ["violence"], severity: "low" });
    expect(itemConsensus([clean, clean, r(["hate"], "medium")], opts())).toEqual({
      status: "decided",
      violating: false,
      labels: [],
      severity: null,
    });
  });

  it("escalates a tie, and a violating majority that agrees on no category", () => {
    const tie = itemConsensus([clean, r(["sexual"], "low")], opts({ needed: 2 }));
    expect(tie).toMatchObject({ status: "escalated", reasons: ["disagreement"] });
    const scattered = itemConsensus(
      [r(["sexual"], "low"), r(["violence"], "low"), r(["hate"], "low")],
      opts(),
    );
    expect(scattered).toMatchObject({ status: "escalated", reasons: ["disagreement"] });
  });

  it("escalates one high-severity review at once, before the other reviews are in", () => {
    expect(itemConsensus([r(["violence"], "high")], opts())).toMatchObject({
      status: "escalated",
      reasons: ["severity"],
    });
    // Not when the rule turns it off.
    expect(
      itemConsensus(
        [r(["violence"], "high")],
        opts({ rule: { agreement: "majority", escalateAtSeverity: null } }),
      ),
    ).toMatchObject({ status: "pending" });
  });

  it("under the unanimous rule, any split escalates", () => {
    const split = [r(["violence"], "low"), r(["violence"], "low"), clean];
    expect(itemConsensus(split, opts()).status).toBe("decided");
    expect(
      itemConsensus(split, opts({ rule: { agreement: "unanimous", escalateAtSeverity: null } })),
    ).toMatchObject({ status: "escalated", reasons: ["disagreement"] });
  });
});

describe("finalDecision", () => {
  it("takes the senior's resolution over the reviewers, and nothing for an open item", () => {
    const escalated = itemConsensus([r(["violence"], "high")], opts());
    expect(finalDecision(escalated, null)).toBeNull();
    expect(finalDecision(escalated, { labels: [], severity: null, reason: "staged" })).toEqual({
      source: "senior",
      violating: false,
      labels: [],
      severity: null,
    });
  });
});
