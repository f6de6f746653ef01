/**
 * Every table of the results page as flat rows, for CSV and JSON downloads (the page, the share
 * link and `/api/v1` use the same rows). Pure and free of server code, so the browser builds its
 * downloads from the results it already has.
 */
import type { Interval, PairResult, PositionBias } from "@loupe/stats";
import type { AggregationResults, AxisResults, Breakdown, StudyResults } from "./types";

export const RESULT_TABLES = [
  "ratings",
  "pairs",
  "reliability",
  "agreement",
  "breakdowns",
  "breakdown-pairs",
  "breakdown-reliability",
] as const;
export type ResultTable = (typeof RESULT_TABLES)[number];

type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

const round = (x: number | null | undefined, digits = 4) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits));
const bounds = (prefix: string, i: Interval | null | undefined): Row => ({
  [`${prefix}_low`]: round(i?.low),
  [`${prefix}_high`]: round(i?.high),
  [`${prefix}_method`]: i?.method ?? null,
});

function aggregations(axis: AxisResults): AggregationResults[] {
  return [axis.every, axis.majority];
}

function ratingRows(results: StudyResults): Row[] {
  return results.axes.flatMap((axis) =>
    aggregations(axis).flatMap((agg) =>
      (
        [
          [false, agg.ratings],
          [true, agg.ratingsPositionCorrected],
        ] as const
      ).flatMap(([corrected, bt]) =>
        bt.ratings.map((r) => ({
          axis: axis.axisId,
          aggregation: agg.aggregation,
          position_corrected: corrected,
          rank: r.rank,
          rank_upper_bound: r.rankUpperBound,
          model: r.model,
          rating: round(r.rating, 1),
          ...bounds("rating", r.interval),
          judgments: r.judgments,
        })),
      ),
    ),
  );
}

function pairRow(p: PairResult): Row {
  return {
    model_a: p.modelA,
    model_b: p.modelB,
    a_wins: p.counts.aWins,
    b_wins: p.counts.bWins,
    ties: p.counts.ties,
    both_bad: p.counts.bothBad,
    total: p.total,
    prompts: p.prompts,
    win_rate: round(p.winRate.value),
    ...bounds("win_rate_wilson", p.winRate.wilson),
    ...bounds("win_rate_bootstrap", p.winRate.bootstrap),
    net_win_rate: round(p.netWinRate.value),
    ...bounds("net_win_rate", p.netWinRate.bootstrap),
    note: [p.winRate.reason?.message, p.netWinRate.reason?.message, ...p.warnings.map((w) => w.message)]
      .filter(Boolean)
      .join(" "),
  };
}

function pairRows(results: StudyResults): Row[] {
  return results.axes.flatMap((axis) =>
    aggregations(axis).flatMap((agg) =>
      agg.pairs.map((p) => ({ axis: axis.axisId, aggregation: agg.aggregation, ...pairRow(p) })),
    ),
  );
}

/** Agreement coefficients and position bias, for a question or one of its tags. */
function agreementAndBias(r: Breakdown["reliability"], bias: PositionBias): Row {
  return {
    alpha_nominal: round(r.alphaNominal.alpha),
    alpha_ordinal: round(r.alphaOrdinal.alpha),
    fleiss_kappa: round(r.fleissKappa.kappa),
    left_share: round(bias.leftShare),
    ...bounds("left_share", bias.interval),
    position_p_value: bias.pValue,
  };
}

function reliabilityRows(results: StudyResults): Row[] {
  return results.axes.map((axis) => ({
    axis: axis.axisId,
    judgments: axis.judgments,
    ...agreementAndBias(axis.reliability, axis.positionBias),
    ...bounds("alpha_nominal", axis.reliability.intervals.alphaNominal),
    ...bounds("alpha_ordinal", axis.reliability.intervals.alphaOrdinal),
    ...bounds("fleiss_kappa", axis.reliability.intervals.fleissKappa),
    gold_accuracy: round(axis.reliability.gold.overall?.accuracy),
    gold_judged: axis.reliability.gold.overall?.judged ?? 0,
  }));
}

function agreementRows(results: StudyResults): Row[] {
  return results.axes.flatMap((axis) => {
    const gold = new Map(axis.reliability.gold.raters.map((g) => [g.raterId, g]));
    return axis.reliability.raterAgreement.map((a) => ({
      axis: axis.axisId,
      rater: a.raterId,
      agreed: a.agreed,
      compared: a.compared,
      agreement: round(a.rate),
      ...bounds("agreement", a.interval),
      gold_correct: gold.get(a.raterId)?.correct ?? null,
      gold_judged: gold.get(a.raterId)?.judged ?? null,
    }));
  });
}

function breakdownRows(results: StudyResults): Row[] {
  return results.axes.flatMap((axis) =>
    axis.breakdowns.flatMap((cell) =>
      cell.ratings.ratings.map((r) => ({
        axis: axis.axisId,
        tag: cell.tag,
        judgments: cell.judgments,
        prompts: cell.prompts,
        model: r.model,
        rating: round(r.rating, 1),
        ...bounds("rating", r.interval),
        warning: cell.warning ?? "",
      })),
    ),
  );
}

function breakdownPairRows(results: StudyResults): Row[] {
  return results.axes.flatMap((axis) =>
    axis.breakdowns.flatMap((cell) =>
      cell.pairs.map((p) => ({
        axis: axis.axisId,
        tag: cell.tag,
        ...pairRow(p),
        warning: cell.warning ?? "",
      })),
    ),
  );
}

function breakdownReliabilityRows(results: StudyResults): Row[] {
  return results.axes.flatMap((axis) =>
    axis.breakdowns.map((cell) => ({
      axis: axis.axisId,
      tag: cell.tag,
      judgments: cell.judgments,
      prompts: cell.prompts,
      ...agreementAndBias(cell.reliability, cell.positionBias),
      warning: cell.warning ?? "",
    })),
  );
}

export function resultTableRows(results: StudyResults, table: ResultTable): Row[] {
  switch (table) {
    case "ratings":
      return ratingRows(results);
    case "pairs":
      return pairRows(results);
    case "reliability":
      return reliabilityRows(results);
    case "agreement":
      return agreementRows(results);
    case "breakdowns":
      return breakdownRows(results);
    case "breakdown-pairs":
      return breakdownPairRows(results);
    case "breakdown-reliability":
      return breakdownReliabilityRows(results);
  }
}

/**
 * RFC 4180 CSV. Text cells that a spreadsheet would run as a formula (=, +, -, @ first) get a
 * leading apostrophe: model names and tags are user input (OWASP, "CSV Injection").
 */
export function toCsv(rows: readonly Row[]): string {
  if (rows.length === 0) return "";
  const columns = Object.keys(rows[0]!);
  const cell = (v: Cell) => {
    if (v === null) return "";
    let text = String(v);
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c] ?? null)).join(","))].join("\r\n") +
    "\r\n"
  );
}
