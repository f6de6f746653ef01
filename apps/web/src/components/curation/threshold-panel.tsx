"use client";

import { hintClass, inputClass, secondaryButtonClass, buttonClass } from "../styles";
import { ScoreHistogram } from "./score-histogram";
import { marksByScore, type StageChanges, type ThresholdEdits } from "./threshold-edits";
import type { Histogram, StageSetting } from "./types";

/**
 * Scores and thresholds: the histogram of each score a threshold is set on, with the thresholds
 * drawn (a stage's other measurements folded beneath), and beside each stage
 * the thresholds to try; "Project funnel" shows what the run would keep with them, from the
 * recorded scores (nothing is re-run).
 */
export function ThresholdPanel({
  settings,
  histograms,
  edits,
  onEdit,
  changes,
  onProject,
  onReset,
  projecting,
  invalid,
}: {
  settings: StageSetting[];
  histograms: Histogram[];
  edits: ThresholdEdits;
  onEdit: (stage: string, option: string, value: string) => void;
  changes: StageChanges;
  onProject: () => void;
  onReset: () => void;
  projecting: boolean;
  invalid: string[];
}) {
  const marks = marksByScore(settings, changes);
  const byColumn = new Map(histograms.map((h) => [h.column, h]));
  return (
    <section aria-labelledby="thresholds" className="space-y-4">
      <h2 id="thresholds" className="text-base font-semibold">
        Scores and thresholds
      </h2>
      {settings
        .filter((s) => s.thresholds.length || histograms.some((h) => h.column.startsWith(`${s.id}.`)))
        .map((s) => {
          const options = [...new Set(s.thresholds.map((t) => t.option))];
          const columns = histograms.filter((h) => h.column.startsWith(`${s.id}.`)).map((h) => h.column);
          // The scores a threshold is set on come first; the stage's other measurements fold away.
          const thresholded = new Set(s.thresholds.map((t) => t.score));
          const main = columns.filter((c) => thresholded.has(c));
          const other = columns.filter((c) => !thresholded.has(c));
          const chart = (column: string) => (
            <ScoreHistogram key={column} histogram={byColumn.get(column)!} marks={marks.get(column) ?? []} />
          );
          return (
            <div key={s.id} className="grid gap-4 md:grid-cols-[16rem_1fr]">
              <fieldset className="space-y-2">
                <legend className="text-sm font-semibold">{s.label}</legend>
                {options.map((option) => {
                  const current = s.config[option];
                  const id = `threshold-${s.id}-${option}`;
                  return (
                    <div key={option}>
                      <label htmlFor={id} className="block text-xs font-medium">
                        {option}
                      </label>
                      <input
                        id={id}
                        inputMode="decimal"
                        className={`${inputClass} tabular-nums`}
                        placeholder={typeof current === "number" ? String(current) : "no limit"}
                        value={edits[s.id]?.[option] ?? ""}
                        aria-invalid={invalid.includes(`${s.id}.${option}`)}
                        onChange={(e) => onEdit(s.id, option, e.target.value)}
                      />
                    </div>
                  );
                })}
              </fieldset>
              <div className="space-y-3">
                {main.length ? <div className="grid gap-3 sm:grid-cols-2">{main.map(chart)}</div> : null}
                {other.length ? (
                  <details open={main.length === 0}>
                    <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-400">
                      {main.length ? "Other measurements" : "Measurements"} ({other.length})
                    </summary>
                    <div className="mt-2 grid gap-3 sm:grid-cols-2">{other.map(chart)}</div>
                  </details>
                ) : null}
              </div>
            </div>
          );
        })}
      <div className="flex items-center gap-3">
        <button
          type="button"
          className={buttonClass}
          onClick={onProject}
          disabled={projecting || invalid.length > 0}
        >
          {projecting ? "Projecting…" : "Project funnel"}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onReset}>
          Reset
        </button>
        <p className={hintClass}>
          {invalid.length ? `Not a number: ${invalid.join(", ")}. ` : ""}
          Blank fields keep the run&rsquo;s value (shown greyed).
        </p>
      </div>
    </section>
  );
}
