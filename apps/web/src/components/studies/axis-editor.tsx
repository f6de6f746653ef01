import { dangerButtonClass, inputClass, labelClass } from "../styles";
import { SCALE_LABELS } from "./answers";
import type { AnswerScale } from "./types";
import type { AxisDraft } from "./wizard-draft";

/**
 * One question of the study: its text, short label, answer scale and whether it must be
 * answered. An optional template question can be switched on; a custom one removed.
 */
export function AxisEditor({
  axis,
  index,
  onChange,
  onRemove,
}: {
  axis: AxisDraft;
  index: number;
  onChange: (patch: Partial<AxisDraft>) => void;
  onRemove: () => void;
}) {
  const id = (field: string) => `axis-${index}-${field}`;
  const title = axis.label.trim() || axis.question.trim() || `Question ${index + 1}`;
  const off = !axis.enabled;
  return (
    <fieldset
      data-testid={`axis-${index}`}
      className={`rounded-lg border p-4 ${off ? "border-dashed border-zinc-300 dark:border-zinc-700" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      <legend className="px-1 text-sm font-semibold">
        {title}
        <span className="ml-2 text-xs font-normal text-zinc-500">
          {axis.origin === "custom"
            ? "custom"
            : axis.origin === "optional"
              ? "optional"
              : "from the template"}
        </span>
      </legend>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {axis.origin === "optional" ? (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={axis.enabled}
              onChange={(e) => onChange({ enabled: e.target.checked })}
            />
            Ask this question
          </label>
        ) : (
          <span />
        )}
        {axis.origin === "custom" ? (
          <button type="button" onClick={onRemove} className={dangerButtonClass}>
            Remove<span className="sr-only"> question {title}</span>
          </button>
        ) : null}
      </div>
      {off ? null : (
        <div className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-[1fr_12rem]">
          <div>
            <label htmlFor={id("question")} className={labelClass}>
              Question
            </label>
            <input
              id={id("question")}
              required
              maxLength={500}
              value={axis.question}
              onChange={(e) => onChange({ question: e.target.value })}
              placeholder="Which output…?"
              className={inputClass}
            />
          </div>
          <div>
            <label htmlFor={id("label")} className={labelClass}>
              Short label
            </label>
            <input
              id={id("label")}
              maxLength={60}
              value={axis.label}
              onChange={(e) => onChange({ label: e.target.value })}
              placeholder="e.g. Alignment"
              className={inputClass}
            />
          </div>
          <div>
            <label htmlFor={id("scale")} className={labelClass}>
              Answer scale
            </label>
            <select
              id={id("scale")}
              value={axis.scale}
              onChange={(e) => onChange({ scale: e.target.value as AnswerScale })}
              className={inputClass}
            >
              {Object.entries(SCALE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <label className="flex items-center gap-2 self-end pb-1.5 text-sm">
            <input
              type="checkbox"
              checked={axis.required}
              onChange={(e) => onChange({ required: e.target.checked })}
            />
            Required
          </label>
        </div>
      )}
    </fieldset>
  );
}
