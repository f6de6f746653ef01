/**
 * How well an automatic metric tracks people, the two ways a reader of a leaderboard asks:
 *
 * - across models: rank correlation between the models' metric values and their human ratings
 *   (Spearman's ρ and Kendall's τ-b, scipy's definitions in ../correlation); a metric where lower
 *   is better (FID) is negated first, so +1 always means "orders the models as people do";
 * - per pair: over the decisive human judgments (one output preferred), the share where the
 *   metric prefers the same output (Kirstain et al. 2023 report reward models' accuracy on
 *   Pick-a-Pic pairs this way). A metric tie counts half; pairs where either output has no value,
 *   and human ties, are left out and counted apart.
 */
import { kendallTauB, spearman } from "../correlation";

export interface JudgedPair {
  /** Which output people preferred. */
  preferred: "a" | "b" | "tie";
  a: number | undefined;
  b: number | undefined;
}

export interface PairAgreement {
  /** Share of decisive judgments where the metric prefers the same output (null: none counted). */
  agreement: number | null;
  /** Decisive judgments with a value for both outputs. */
  counted: number;
  /** Human ties or judgments of outputs without a value. */
  leftOut: number;
}

export function pairAgreement(pairs: readonly JudgedPair[], higherIsBetter: boolean): PairAgreement {
  let score = 0;
  let counted = 0;
  for (const pair of pairs) {
    if (pair.preferred === "tie" || pair.a === undefined || pair.b === undefined) continue;
    const [preferred, other] = pair.preferred === "a" ? [pair.a, pair.b] : [pair.b, pair.a];
    counted++;
    if (preferred === other) score += 0.5;
    else if (preferred > other === higherIsBetter) score += 1;
  }
  return { agreement: counted ? score / counted : null, counted, leftOut: pairs.length - counted };
}

export interface RankAgreement {
  spearman: number | null;
  kendall: number | null;
  models: number;
}

/** Rank correlation between per-model metric values and human ratings (same order of models). */
export function rankAgreement(
  metric: readonly number[],
  human: readonly number[],
  higherIsBetter: boolean,
): RankAgreement {
  if (metric.length !== human.length) throw new RangeError("one metric value and one rating per model");
  const oriented = higherIsBetter ? metric : metric.map((v) => -v);
  return {
    spearman: spearman(oriented, human),
    kendall: kendallTauB(oriented, human),
    models: metric.length,
  };
}
