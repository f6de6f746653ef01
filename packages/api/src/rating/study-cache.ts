/**
 * Short-lived, per-process caches for the rating hot path, where every request would otherwise
 * re-read the same study row and re-count its tasks. A status change (pause, resume) or a new
 * gold item is seen by raters within the TTL; nothing that decides who gets which task is cached
 * (that is always the database's job).
 */
import type { Db, Study } from "@loupe/db";

const STUDY_TTL_MS = 2_000;
const COUNT_TTL_MS = 5_000;

const studies = new Map<string, { at: number; study: Study | null }>();
const taskCounts = new Map<string, { at: number; count: number }>();
const sweeps = new Map<string, number>();

export async function cachedStudy(db: Db, studyId: string): Promise<Study | null> {
  const hit = studies.get(studyId);
  if (hit && Date.now() - hit.at < STUDY_TTL_MS) return hit.study;
  const study = await db.study.findUnique({ where: { id: studyId } });
  studies.set(studyId, { at: Date.now(), study });
  return study;
}

/** Regular (non-gold) tasks of the study: the "N" in a rater's "n of N". */
export async function cachedTaskCount(db: Db, studyId: string): Promise<number> {
  const hit = taskCounts.get(studyId);
  if (hit && Date.now() - hit.at < COUNT_TTL_MS) return hit.count;
  const count = await db.studyTask.count({ where: { studyId, isGold: false } });
  taskCounts.set(studyId, { at: Date.now(), count });
  return count;
}

/** True at most once per `intervalMs` per study in this process: lease sweeps need not run on every request. */
export function sweepDue(studyId: string, intervalMs = 1_000): boolean {
  const last = sweeps.get(studyId) ?? 0;
  if (Date.now() - last < intervalMs) return false;
  sweeps.set(studyId, Date.now());
  return true;
}
