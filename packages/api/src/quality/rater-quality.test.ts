import { describe, expect, it } from "vitest";
import { qualityControlSchema } from "../studies/config";
import { raterQuality, type QualityJudgment } from "./rater-quality";

const qc = qualityControlSchema.parse({
  minGoldAccuracy: 0.7,
  minGoldJudged: 2,
  maxTooFastShare: 0.5,
  maxSameAnswerShare: 0.9,
  minAgreement: 0.5,
  minJudgments: 4,
});

const j = (
  raterId: string,
  taskId: string,
  overall: string,
  swapped = false,
  durationMs = 5000,
): QualityJudgment => ({
  raterId,
  taskId,
  answers: { overall } as QualityJudgment["answers"],
  swapped,
  durationMs,
});

describe("raterQuality", () => {
  it("scores gold accuracy, speed, side bias and agreement, and flags what crosses a threshold", () => {
    const gold = new Map([
      ["g1", { overall: "A" as const }],
      ["g2", { overall: "B" as const }],
    ]);
    const judgments: QualityJudgment[] = [
      // good: right on gold, agrees with the others, takes its time, alternates sides
      j("good", "g1", "A"),
      j("good", "g2", "B"),
      j("good", "t1", "A"),
      j("good", "t2", "B", true),
      j("good", "t3", "A"),
      j("other1", "t1", "A"),
      j("other2", "t1", "A"),
      j("other1", "t2", "B"),
      j("other1", "t3", "A"),
      // clicker: always the left button, fast, wrong on gold
      j("clicker", "g1", "B", true, 500),
      j("clicker", "g2", "A", false, 400),
      j("clicker", "t1", "B", true, 600),
      j("clicker", "t2", "A", false, 700),
      j("clicker", "t3", "B", true, 500),
    ];
    const byId = Object.fromEntries(raterQuality(judgments, gold, qc).map((q) => [q.raterId, q]));

    expect(byId.good).toMatchObject({
      judgments: 5,
      goldJudged: 2,
      goldAccuracy: 1,
      medianSeconds: 5,
      tooFastShare: 0,
      agreement: 1,
    });
    expect(byId.good!.flags).toEqual([]);

    expect(byId.clicker).toMatchObject({
      goldAccuracy: 0,
      tooFastShare: 1,
      leftShare: 1,
      sameSideShare: 1,
      agreement: 0,
    });
    expect(byId.clicker!.medianSeconds).toBeCloseTo(0.5);
    expect(byId.clicker!.flags).toEqual([
      "gold accuracy 0% < 70%",
      "100% of judgments faster than 2 s",
      "100% of choices on one side",
      "agreement with others 0% < 50%",
    ]);
  });

  it("raises no flag before a rater has enough judgments", () => {
    const quality = raterQuality([j("new", "t1", "A", false, 10)], new Map(), qc);
    expect(quality[0]!.tooFastShare).toBe(1);
    expect(quality[0]!.flags).toEqual([]);
  });
});
