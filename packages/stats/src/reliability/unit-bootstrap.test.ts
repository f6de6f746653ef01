import { describe, expect, it } from "vitest";
import { seededRandom } from "../random";
import { fleissKappa } from "./fleiss";
import { krippendorffAlpha } from "./krippendorff";
import { bootstrapOverUnits } from "./unit-bootstrap";
import type { RatingUnit } from "./units";

const alpha = (units: readonly RatingUnit<string>[]) => krippendorffAlpha(units, { level: "nominal" }).alpha;

/** `n` items rated by three raters who copy the item's true label with probability `p`. */
function simulate(n: number, p: number, seed: number): RatingUnit<string>[] {
  const random = seededRandom(seed);
  const labels = ["A", "B", "tie"];
  return Array.from({ length: n }, (_, i) => {
    const truth = labels[random.int(3)]!;
    return {
      unitId: `u${i}`,
      values: ["r1", "r2", "r3"].map((raterId) => ({
        raterId,
        value: random.next() < p ? truth : labels[random.int(3)]!,
      })),
    };
  });
}

describe("bootstrapOverUnits", () => {
  it("brackets the coefficient and narrows with more items", () => {
    const small = simulate(40, 0.7, 1);
    const large = simulate(400, 0.7, 1);
    const a = alpha(small)!;
    const i = bootstrapOverUnits(small, alpha, { seed: 3 })!;
    expect(i.method).toBe("bootstrap-items");
    expect(i.low).toBeLessThan(a);
    expect(i.high).toBeGreaterThan(a);
    const j = bootstrapOverUnits(large, alpha, { seed: 3 })!;
    expect(j.high - j.low).toBeLessThan((i.high - i.low) / 2);
  });

  it("is reproducible with a seed", () => {
    const units = simulate(60, 0.6, 2);
    expect(bootstrapOverUnits(units, alpha, { seed: 9 })).toEqual(
      bootstrapOverUnits(units, alpha, { seed: 9 }),
    );
  });

  it("covers the population value in about 95% of studies", () => {
    // Population alpha for this design, from a very large sample.
    const truth = alpha(simulate(20_000, 0.7, 99))!;
    let covered = 0;
    const studies = 60;
    for (let s = 0; s < studies; s++) {
      const i = bootstrapOverUnits(simulate(80, 0.7, 1000 + s), alpha, { seed: s, rounds: 200 })!;
      if (i.low <= truth && truth <= i.high) covered++;
    }
    // 60 studies: 95% coverage gives 57 on average; below 51 (85%) would be a broken interval.
    expect(covered).toBeGreaterThanOrEqual(51);
  });

  it("relies on weights: a unit of weight w counts as w copies of it", () => {
    const units = simulate(30, 0.6, 5);
    const copies = [...units, units[0]!, units[0]!, units[1]!];
    const weighted = units.map((u, i) => ({ ...u, weight: i === 0 ? 3 : i === 1 ? 2 : 1 }));
    expect(alpha(weighted)).toBeCloseTo(alpha(copies)!, 12);
    expect(fleissKappa(weighted).kappa!).toBeCloseTo(fleissKappa(copies).kappa!, 12);
    const ordinal = (u: readonly RatingUnit<string>[]) =>
      krippendorffAlpha(u, { level: "ordinal", order: ["A", "tie", "B"] }).alpha!;
    expect(ordinal(weighted)).toBeCloseTo(ordinal(copies), 12);
  });

  it("gives null where agreement is undefined", () => {
    const same: RatingUnit<string>[] = Array.from({ length: 10 }, (_, i) => ({
      unitId: `u${i}`,
      values: [
        { raterId: "a", value: "A" },
        { raterId: "b", value: "A" },
      ],
    }));
    expect(bootstrapOverUnits(same, alpha)).toBeNull();
    expect(bootstrapOverUnits([], alpha)).toBeNull();
  });
});
