/**
 * The threshold editor's state: what people typed per stage and option, turned into the changes
 * a projected funnel is asked for (blank fields change nothing; a field that is not a number is
 * an error shown beside it), and the marks each histogram draws.
 */
import type { StageSetting } from "./types";

export type ThresholdEdits = Record<string, Record<string, string>>;
export type StageChanges = Record<string, Record<string, number>>;

export function changesOf(edits: ThresholdEdits): { changes: StageChanges; invalid: string[] } {
  const changes: StageChanges = {};
  const invalid: string[] = [];
  for (const [stage, options] of Object.entries(edits))
    for (const [option, text] of Object.entries(options)) {
      if (text.trim() === "") continue;
      const value = Number(text);
      if (!Number.isFinite(value)) invalid.push(`${stage}.${option}`);
      else (changes[stage] ??= {})[option] = value;
    }
  return { changes, invalid };
}

/** Each score column's threshold lines: the run's values, and the edited ones that differ. */
export function marksByScore(settings: readonly StageSetting[], changes: StageChanges) {
  const marks = new Map<string, { option: string; value: number; edited: boolean }[]>();
  for (const s of settings)
    for (const t of s.thresholds) {
      const list = marks.get(t.score) ?? [];
      const current = s.config[t.option];
      if (typeof current === "number") list.push({ option: t.option, value: current, edited: false });
      const edited = changes[s.id]?.[t.option];
      if (edited !== undefined && edited !== current)
        list.push({ option: t.option, value: edited, edited: true });
      marks.set(t.score, list);
    }
  return marks;
}
