/**
 * From judgments to the rows a preference dataset holds: left out are flagged (excluded) raters'
 * judgments, gold items and items whose raters disagree too much; then either every judgment is a
 * row, or each item (one output pair) is one row with its raters' majority. "Both bad" carries no
 * preference between the two, so it counts as a tie. Rows come out in a fixed order, so the same
 * judgments always give the same files.
 */
export type Preference = "a" | "b" | "tie";

export interface ExportImage {
  outputId: string;
  sha256: string;
  mime: string;
  model: string;
}

/** One judgment, as read from the database. */
export interface JudgedPair {
  judgmentId: string;
  studyId: string;
  taskId: string;
  promptId: string;
  prompt: string;
  raterId: string;
  raterExcluded: boolean;
  isGold: boolean;
  a: ExportImage;
  b: ExportImage;
  preference: Preference;
  createdAt: Date;
}

export interface PreferenceRow {
  /** The judgment's id ("every"), or the item's ("majority"). */
  id: string;
  /** The item (study task: one output pair) it comes from. */
  itemId: string;
  promptId: string;
  prompt: string;
  a: ExportImage;
  b: ExportImage;
  preference: Preference;
  /** The raters behind the row (one for "every"). */
  raterIds: string[];
  /** Share of the item's judgments that gave its most common answer. */
  agreement: number;
  /** The item's counted judgments. */
  judgments: number;
  createdAt: Date;
}

export interface RowOptions {
  aggregation: "every" | "majority";
  ties: "half" | "drop";
  excludeFlaggedRaters: boolean;
  excludeGold: boolean;
  minAgreement: number;
}

export interface Exclusions {
  flaggedRater: number;
  gold: number;
  lowAgreement: number;
  tie: number;
  /** reward-difference: rows an output of which has no reward in the chosen run. */
  unscored: number;
}

function majority(judged: readonly JudgedPair[]): { preference: Preference; agreement: number } {
  const counts = { a: 0, b: 0, tie: 0 };
  for (const j of judged) counts[j.preference]++;
  const top = Math.max(counts.a, counts.b, counts.tie);
  // A and B level, or a tie the most common answer: no preference between the two.
  const preference = counts.a === counts.b || counts.tie === top ? "tie" : counts.a > counts.b ? "a" : "b";
  return { preference, agreement: top / judged.length };
}

const byKey = (a: PreferenceRow, b: PreferenceRow) =>
  a.promptId < b.promptId ? -1 : a.promptId > b.promptId ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Why a judgment does not count (gold item, flagged rater), or null when it counts. */
export function uncountedReason(
  j: Pick<JudgedPair, "isGold" | "raterExcluded">,
  opts: Pick<RowOptions, "excludeGold" | "excludeFlaggedRaters">,
): "gold" | "flaggedRater" | null {
  if (opts.excludeGold && j.isGold) return "gold";
  if (opts.excludeFlaggedRaters && j.raterExcluded) return "flaggedRater";
  return null;
}

export function preferenceRows(
  judged: readonly JudgedPair[],
  opts: RowOptions,
): { rows: PreferenceRow[]; excluded: Exclusions } {
  const excluded: Exclusions = { flaggedRater: 0, gold: 0, lowAgreement: 0, tie: 0, unscored: 0 };
  const counted = judged.filter((j) => {
    const reason = uncountedReason(j, opts);
    if (reason) excluded[reason]++;
    return reason === null;
  });
  const byItem = new Map<string, JudgedPair[]>();
  for (const j of counted) {
    const item = byItem.get(j.taskId);
    if (item) item.push(j);
    else byItem.set(j.taskId, [j]);
  }

  const rows: PreferenceRow[] = [];
  for (const [taskId, item] of byItem) {
    const vote = majority(item);
    const count = opts.aggregation === "every" ? item.length : 1;
    if (vote.agreement < opts.minAgreement) {
      excluded.lowAgreement += count;
      continue;
    }
    const first = item[0]!;
    const candidates: PreferenceRow[] =
      opts.aggregation === "every"
        ? item.map((j) => ({
            id: j.judgmentId,
            itemId: taskId,
            promptId: j.promptId,
            prompt: j.prompt,
            a: j.a,
            b: j.b,
            preference: j.preference,
            raterIds: [j.raterId],
            agreement: vote.agreement,
            judgments: item.length,
            createdAt: j.createdAt,
          }))
        : [
            {
              id: taskId,
              itemId: taskId,
              promptId: first.promptId,
              prompt: first.prompt,
              a: first.a,
              b: first.b,
              preference: vote.preference,
              raterIds: [...new Set(item.map((j) => j.raterId))].sort(),
              agreement: vote.agreement,
              judgments: item.length,
              createdAt: new Date(Math.max(...item.map((j) => j.createdAt.getTime()))),
            },
          ];
    for (const row of candidates) {
      if (row.preference === "tie" && opts.ties === "drop") excluded.tie++;
      else rows.push(row);
    }
  }
  return { rows: rows.sort(byKey), excluded };
}
