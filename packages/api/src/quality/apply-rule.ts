/**
 * The study's quality-control rule, applied: every rater's figures (gold accuracy, speed, same
 * answers, position, agreement) against the thresholds, and — when the config says "exclude" — a
 * rater who crosses one is excluded automatically (their judgments stay, marked excluded), and one
 * who no longer does is taken back. A researcher's own decision ("manual:") is never overridden.
 *
 * The worker applies it in the `study.results` job, which runs a few seconds after judgments
 * arrive, so exclusions follow the data whether or not anyone has the monitor open, and the
 * results computed right after already leave the excluded raters out. Reading the monitor changes
 * nothing.
 */
import type { Db } from "@loupe/db";
import type { StoredAnswers } from "../assignments/answers";
import { writeAudit } from "../audit/log";
import type { PairwiseConfig } from "../studies/config";
import { raterQuality, type RaterQuality } from "./rater-quality";

/** An exclusion reason starting with this was set by a person; automatic rules leave it alone. */
export const MANUAL = "manual:";
const AUTO = "auto:";

/** Each rater's quality figures and flags, from the study's judgments (undone ones left out). */
export async function qualityOfRaters(
  db: Db,
  studyId: string,
  config: PairwiseConfig,
): Promise<Map<string, RaterQuality>> {
  const [judgments, goldTasks] = await Promise.all([
    db.judgment.findMany({
      where: { studyId, undo: null },
      select: { raterId: true, taskId: true, answers: true, swapped: true, durationMs: true },
    }),
    db.studyTask.findMany({ where: { studyId, isGold: true }, select: { id: true, goldAnswers: true } }),
  ]);
  const gold = new Map(goldTasks.map((t) => [t.id, (t.goldAnswers ?? {}) as StoredAnswers]));
  const figures = raterQuality(
    judgments.map((j) => ({ ...j, answers: j.answers as StoredAnswers })),
    gold,
    config.qualityControl,
  );
  return new Map(figures.map((q) => [q.raterId, q]));
}

/** Applies the rule; returns how many raters it excluded or took back. */
export async function applyQualityRule(
  db: Db,
  study: { id: string; projectId: string },
  config: PairwiseConfig,
): Promise<number> {
  if (config.qualityControl.action !== "exclude") return 0; // "flag" only shows the flags
  const [quality, raters] = await Promise.all([
    qualityOfRaters(db, study.id, config),
    db.rater.findMany({
      where: { studyId: study.id },
      select: { id: true, excluded: true, excludedReason: true },
    }),
  ]);
  let changed = 0;
  for (const rater of raters) {
    if (rater.excludedReason?.startsWith(MANUAL)) continue;
    const flags = quality.get(rater.id)?.flags ?? [];
    const shouldExclude = flags.length > 0;
    if (shouldExclude === rater.excluded) continue;
    const reason = shouldExclude ? `${AUTO} ${flags.join("; ")}` : null;
    await db.rater.update({
      where: { id: rater.id },
      data: { excluded: shouldExclude, excludedReason: reason },
    });
    await writeAudit(db, {
      projectId: study.projectId,
      action: shouldExclude ? "rater.exclude" : "rater.include",
      targetType: "rater",
      targetId: rater.id,
      data: { studyId: study.id, automatic: true, reason },
    });
    changed++;
  }
  return changed;
}
