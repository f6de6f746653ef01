/**
 * Per-rater quality figures for a pairwise study, and the flags its thresholds raise. Pure: the
 * judgments come in as plain data.
 *
 * - gold accuracy: share of gold items whose answer on every axis with an expected answer matches;
 * - median seconds per judgment and the share of "too fast" judgments;
 * - straight-lining: the share of decisive answers on the same side (left or right, as seen), and
 *   the share of judgments with the most common answer pattern;
 * - agreement: on tasks that other raters judged too, the share of answers equal to the other
 *   raters' majority (per axis; tasks whose others are split evenly are left out).
 */
import { preferredSide, type StoredAnswer, type StoredAnswers } from "../assignments/answers";
import type { QualityControl } from "../studies/config";

export type QualityJudgment = {
  raterId: string;
  taskId: string;
  answers: StoredAnswers;
  swapped: boolean;
  durationMs: number | null;
};

export type RaterQuality = {
  raterId: string;
  judgments: number;
  goldJudged: number;
  goldAccuracy: number | null;
  medianSeconds: number | null;
  tooFastShare: number | null;
  /** Share of decisive answers that went to the left side, as the rater saw it. */
  leftShare: number | null;
  sameSideShare: number | null;
  sameAnswerShare: number | null;
  agreement: number | null;
  flags: string[];
};

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const answerKey = (a: StoredAnswer | undefined) => (a === undefined ? "" : String(a));

/** The most common answer among `answers`, or null when the top two are tied. */
function majority(answers: string[]): string | null {
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((x, y) => y[1] - x[1]);
  if (sorted.length === 0 || (sorted.length > 1 && sorted[0]![1] === sorted[1]![1])) return null;
  return sorted[0]![0];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function raterQuality(
  judgments: readonly QualityJudgment[],
  gold: ReadonlyMap<string, StoredAnswers>,
  qc: QualityControl,
): RaterQuality[] {
  const byRater = new Map<string, QualityJudgment[]>();
  const byTask = new Map<string, QualityJudgment[]>();
  for (const j of judgments) {
    (byRater.get(j.raterId) ?? byRater.set(j.raterId, []).get(j.raterId)!).push(j);
    if (!gold.has(j.taskId)) (byTask.get(j.taskId) ?? byTask.set(j.taskId, []).get(j.taskId)!).push(j);
  }

  return [...byRater.entries()].map(([raterId, own]) => {
    let goldJudged = 0;
    let goldCorrect = 0;
    let decisive = 0;
    let left = 0;
    let agreeing = 0;
    let compared = 0;
    const patterns = new Map<string, number>();
    for (const j of own) {
      const expected = gold.get(j.taskId);
      if (expected) {
        goldJudged++;
        if (Object.entries(expected).every(([axis, want]) => answerKey(j.answers[axis]) === answerKey(want)))
          goldCorrect++;
      }
      for (const answer of Object.values(j.answers)) {
        const side = preferredSide(answer);
        if (side) {
          decisive++;
          // A is on the left unless the assignment swapped them.
          if ((side === "A") !== j.swapped) left++;
        }
      }
      const pattern = JSON.stringify(Object.entries(j.answers).sort());
      patterns.set(pattern, (patterns.get(pattern) ?? 0) + 1);
      if (!expected) {
        const others = (byTask.get(j.taskId) ?? []).filter((o) => o.raterId !== raterId);
        if (others.length === 0) continue;
        for (const [axis, answer] of Object.entries(j.answers)) {
          const m = majority(others.map((o) => answerKey(o.answers[axis])).filter((a) => a !== ""));
          if (m === null) continue;
          compared++;
          if (m === answerKey(answer)) agreeing++;
        }
      }
    }
    const durations = own.flatMap((j) => (j.durationMs === null ? [] : [j.durationMs / 1000]));
    const leftShare = decisive > 0 ? left / decisive : null;
    const q: RaterQuality = {
      raterId,
      judgments: own.length,
      goldJudged,
      goldAccuracy: goldJudged > 0 ? goldCorrect / goldJudged : null,
      medianSeconds: median(durations),
      tooFastShare:
        durations.length > 0
          ? durations.filter((d) => d < qc.tooFastSeconds).length / durations.length
          : null,
      leftShare,
      sameSideShare: leftShare === null ? null : Math.max(leftShare, 1 - leftShare),
      sameAnswerShare: own.length > 0 ? Math.max(...patterns.values()) / own.length : null,
      agreement: compared > 0 ? agreeing / compared : null,
      flags: [],
    };

    if (q.judgments >= qc.minJudgments) {
      if (
        qc.minGoldAccuracy !== null &&
        q.goldAccuracy !== null &&
        goldJudged >= qc.minGoldJudged &&
        q.goldAccuracy < qc.minGoldAccuracy
      )
        q.flags.push(`gold accuracy ${pct(q.goldAccuracy)} < ${pct(qc.minGoldAccuracy)}`);
      if (qc.maxTooFastShare !== null && q.tooFastShare !== null && q.tooFastShare > qc.maxTooFastShare)
        q.flags.push(`${pct(q.tooFastShare)} of judgments faster than ${qc.tooFastSeconds} s`);
      if (qc.maxSameAnswerShare !== null) {
        if (q.sameSideShare !== null && q.sameSideShare > qc.maxSameAnswerShare)
          q.flags.push(`${pct(q.sameSideShare)} of choices on one side`);
        else if (q.sameAnswerShare !== null && q.sameAnswerShare > qc.maxSameAnswerShare)
          q.flags.push(`${pct(q.sameAnswerShare)} of judgments give the same answers`);
      }
      if (qc.minAgreement !== null && q.agreement !== null && q.agreement < qc.minAgreement)
        q.flags.push(`agreement with others ${pct(q.agreement)} < ${pct(qc.minAgreement)}`);
    }
    return q;
  });
}
