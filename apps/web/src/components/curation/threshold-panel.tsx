"use client";

import { hintClass, inputClass, secondaryButtonClass, buttonClass } from "../styles";
import { ScoreHistogram } from "./score-histogram";
import { marksByScore, type StageChanges, type ThresholdEdits } from "./threshold-edits";
import type { Histogram, StageSetting } from "./types";

/**
 * Scores and thresholds: every score's histogram with its thresholds drawn, and beside each stage
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
              <div className="grid gap-3 sm:grid-cols-2">
                {columns.map((column) => (
                  <ScoreHistogram
                    key={column}
                    histogram={byColumn.get(column)!}
                    marks={marks.get(column) ?? []}
                  />
                ))}
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
