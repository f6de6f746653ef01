/**
 * From a study's judgments to its results: pure (no database), so it is tested on plain data and
 * the worker job only reads, calls this and writes. The statistics themselves live in
 * @loupe/stats; this file decides what is counted:
 *
 * - undone judgments never arrive here (the loader leaves them out); excluded raters' judgments
 *   are counted apart and left out of every number;
 * - gold items measure raters (gold accuracy), not models: they are left out of the ratings;
 * - each axis is analysed on its own, over the judgments that answered it;
 * - every number is given for every judgment and for the majority of each item's raters.
 */
import {
  agreementWithMajority,
  bootstrapBradleyTerry,
  bootstrapOverUnits,
  fleissKappa,
  goldAccuracy,
  krippendorffAlpha,
  majorityPerItem,
  OUTCOME_CATEGORIES,
  pairwiseResults,
  positionBias,
  PREFERENCE_ORDER,
  sideCountsOf,
  toOutcomeUnits,
  tooFewJudgments,
  tooFewPrompts,
  wilsonInterval,
  type Outcome,
  type PairwiseJudgment,
  type RatingUnit,
} from "@loupe/stats";
import type { StoredAnswer } from "../assignments/answers";
import type { Axis } from "../studies/config";
import type { LoadedJudgment } from "./load-judgments";
import type {
  Aggregation,
  AggregationResults,
  AxisResults,
  Breakdown,
  Reliability,
  StudyResults,
} from "./types";

export const DEFAULT_ROUNDS = 1000;
/** Fixed, so the same judgments always give the same intervals. */
export const RESULTS_SEED = 20_261_127;

export type ComputeInput = {
  axes: readonly Axis[];
  /** Model id → name; results name models. */
  modelNames: ReadonlyMap<string, string>;
  /** The model pairs the study's plan compares (ids), judged or not. */
  plannedPairs: readonly { modelA: string; modelB: string }[];
  judgments: readonly LoadedJudgment[];
  rounds?: number;
  now?: Date;
};

/** A stored answer as an outcome: the five-point scale by its sign (0 is a tie). */
export function outcomeOf(answer: StoredAnswer | undefined): Outcome | null {
  if (answer === undefined) return null;
  if (typeof answer === "number") return answer < 0 ? "A" : answer > 0 ? "B" : "tie";
  if (answer === "both_bad") return "bothBad";
  return answer;
}

type Counted = PairwiseJudgment & { tags: readonly string[]; answer: StoredAnswer };

export function computeStudyResults(input: ComputeInput): StudyResults {
  const rounds = input.rounds ?? DEFAULT_ROUNDS;
  const seed = RESULTS_SEED;
  const name = (id: string) => input.modelNames.get(id) ?? id;
  const models = [...input.modelNames.values()].sort();
  const plannedPairs = input.plannedPairs.map((p) => {
    const [a, b] = [name(p.modelA), name(p.modelB)].sort();
    return { modelA: a!, modelB: b! };
  });
  const counting = input.judgments.filter((j) => !j.raterExcluded);

  const axes = input.axes.map((axis): AxisResults => {
    const toJudgment = (j: LoadedJudgment): Counted | null => {
      const answer = j.answers[axis.id];
      const outcome = outcomeOf(answer);
      if (outcome === null || answer === undefined) return null;
      return {
        itemId: j.taskId,
        promptId: j.promptId,
        raterId: j.raterId,
        modelA: name(j.modelA),
        modelB: name(j.modelB),
        outcome,
        leftWasA: !j.swapped,
        tags: j.tags,
        answer,
      };
    };
    const counted = counting.filter((j) => !j.isGold).flatMap((j) => toJudgment(j) ?? []);

    const aggregate = (
      judgments: readonly PairwiseJudgment[],
      aggregation: Aggregation,
    ): AggregationResults => {
      const btOptions = { rounds, seed, models };
      return {
        aggregation,
        judgments: judgments.length,
        pairs: pairwiseResults(judgments, { rounds, seed, pairs: plannedPairs }),
        ratings: bootstrapBradleyTerry({ judgments }, btOptions),
        ratingsPositionCorrected: bootstrapBradleyTerry(
          { judgments },
          { ...btOptions, positionAdvantage: true },
        ),
        sideCounts: sideCountsOf(judgments),
      };
    };

    return {
      axisId: axis.id,
      label: axis.label ?? axis.id,
      question: axis.question,
      scale: axis.scale,
      judgments: counted.length,
      every: aggregate(counted, "every-judgment"),
      majority: aggregate(majorityPerItem(counted), "majority-per-item"),
      reliability: reliability(rounds, axis, counted, goldJudgments(counting, toJudgment, axis.id)),
      positionBias: positionBias(counted),
      breakdowns: breakdowns(axis, counted, { rounds, seed, models, plannedPairs }),
    };
  });

  return {
    version: 1,
    computedAt: (input.now ?? new Date()).toISOString(),
    models,
    judgments: {
      counted: counting.filter((j) => !j.isGold).length,
      byExcludedRaters: input.judgments.length - counting.length,
      gold: counting.filter((j) => j.isGold).length,
    },
    excludedRaters: new Set(input.judgments.filter((j) => j.raterExcluded).map((j) => j.raterId)).size,
    rounds,
    seed,
    axes,
  };
}

/** Gold judgments on one axis with the outcome each gold item expects there. */
function goldJudgments(
  counting: readonly LoadedJudgment[],
  toJudgment: (j: LoadedJudgment) => Counted | null,
  axisId: string,
): { judgments: Counted[]; expected: Map<string, Outcome> } {
  const expected = new Map<string, Outcome>();
  const judgments: Counted[] = [];
  for (const j of counting) {
    if (!j.isGold || !j.goldAnswers) continue;
    const want = outcomeOf(j.goldAnswers[axisId]);
    const judgment = toJudgment(j);
    if (want === null || judgment === null) continue;
    expected.set(j.taskId, want);
    judgments.push(judgment);
  }
  return { judgments, expected };
}

/** Chance-corrected agreement among the raters of the same items. */
function coefficients(axis: Axis, counted: readonly Counted[]) {
  const units = toOutcomeUnits(counted);
  return {
    units,
    alphaNominal: krippendorffAlpha(units, { level: "nominal" }),
    // The five-point scale keeps its magnitude for the ordinal coefficient; the preference scale
    // orders A < tie < B ("both bad" is not between them, so it is left out and counted).
    alphaOrdinal:
      axis.scale === "five-point"
        ? krippendorffAlpha(scaleUnits(counted), { level: "ordinal", order: [-2, -1, 0, 1, 2] })
        : krippendorffAlpha(units, { level: "ordinal", order: PREFERENCE_ORDER }),
    fleissKappa: fleissKappa(units, OUTCOME_CATEGORIES),
  };
}

function reliability(
  rounds: number,
  axis: Axis,
  counted: readonly Counted[],
  gold: { judgments: Counted[]; expected: Map<string, Outcome> },
): Reliability {
  const { units, ...agreement } = coefficients(axis, counted);
  const raters = goldAccuracy(gold.judgments, gold.expected);
  // Intervals resample items (seeded, so the same judgments give the same intervals).
  const over = <V extends string | number>(
    u: RatingUnit<V>[],
    f: (u: readonly RatingUnit<V>[]) => number | null,
  ) => bootstrapOverUnits(u, f, { rounds, seed: RESULTS_SEED });
  const ordinalUnits = axis.scale === "five-point" ? scaleUnits(counted) : null;
  const correct = raters.reduce((s, r) => s + r.correct, 0);
  const judged = raters.reduce((s, r) => s + r.judged, 0);
  const [low, high] = wilsonInterval(correct, judged);
  return {
    ...agreement,
    intervals: {
      alphaNominal: over(units, (u) => krippendorffAlpha(u, { level: "nominal" }).alpha),
      alphaOrdinal: ordinalUnits
        ? over(
            ordinalUnits,
            (u) => krippendorffAlpha(u, { level: "ordinal", order: [-2, -1, 0, 1, 2] }).alpha,
          )
        : over(units, (u) => krippendorffAlpha(u, { level: "ordinal", order: PREFERENCE_ORDER }).alpha),
      fleissKappa: over(units, (u) => fleissKappa(u, OUTCOME_CATEGORIES).kappa),
    },
    raterAgreement: agreementWithMajority(units),
    gold: {
      overall:
        judged > 0
          ? { correct, judged, accuracy: correct / judged, interval: { low, high, method: "wilson" } }
          : null,
      raters,
    },
  };
}

/** Five-point answers as units of numbers, oriented A/B (negative favours A). */
function scaleUnits(counted: readonly Counted[]): RatingUnit<number>[] {
  const byItem = new Map<string, RatingUnit<number>>();
  for (const j of counted) {
    if (typeof j.answer !== "number") continue;
    let unit = byItem.get(j.itemId);
    if (!unit) byItem.set(j.itemId, (unit = { unitId: j.itemId, values: [] }));
    unit.values.push({ raterId: j.raterId, value: j.answer });
  }
  return [...byItem.values()];
}

/** The results again for the judgments of each prompt tag (category, concept, motion level…). */
function breakdowns(
  axis: Axis,
  counted: readonly Counted[],
  opts: {
    rounds: number;
    seed: number;
    models: string[];
    plannedPairs: { modelA: string; modelB: string }[];
  },
): Breakdown[] {
  const byTag = new Map<string, Counted[]>();
  for (const j of counted)
    for (const tag of j.tags) {
      const cell = byTag.get(tag);
      if (cell) cell.push(j);
      else byTag.set(tag, [j]);
    }
  return [...byTag.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, judgments]) => {
      const { alphaNominal, alphaOrdinal, fleissKappa: kappa } = coefficients(axis, judgments);
      const prompts = new Set(judgments.map((j) => j.promptId)).size;
      const warning = tooFewJudgments(judgments.length)
        ? `Only ${judgments.length} judgment${judgments.length === 1 ? "" : "s"}: too few to read on their own.`
        : tooFewPrompts(prompts)
          ? `Only ${prompts} prompt${prompts === 1 ? "" : "s"}: the intervals are too narrow to trust.`
          : null;
      return {
        tag,
        judgments: judgments.length,
        prompts,
        warning,
        pairs: pairwiseResults(judgments, { rounds: opts.rounds, seed: opts.seed, pairs: opts.plannedPairs }),
        ratings: bootstrapBradleyTerry(
          { judgments },
          { rounds: opts.rounds, seed: opts.seed, models: opts.models },
        ),
        positionBias: positionBias(judgments),
        reliability: { alphaNominal, alphaOrdinal, fleissKappa: kappa },
      };
    });
}
