import { inputClass, labelClass } from "../styles";
import type { StudyTemplate, TemplateId } from "./types";

/** Step 1: the study's name and the template its questions and instructions start from. */
export function TemplateStep({
  name,
  onName,
  templates,
  templateId,
  onTemplate,
}: {
  name: string;
  onName: (name: string) => void;
  templates: readonly StudyTemplate[];
  templateId: TemplateId;
  onTemplate: (template: StudyTemplate) => void;
}) {
  return (
    <div className="space-y-5">
      <div className="max-w-md">
        <label htmlFor="study-name" className={labelClass}>
          Study name
        </label>
        <input
          id="study-name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => onName(e.target.value)}
          placeholder="e.g. SDXL vs. ours, March"
          className={inputClass}
        />
      </div>
      <fieldset>
        <legend className={labelClass}>Template</legend>
        <p className="mb-3 text-xs text-zinc-500 dark:text-zinc-400">
          A template fills in the questions and the instructions; you can change both in the next steps.
        </p>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {templates.map((t) => {
            const selected = t.id === templateId;
            return (
              <label
                key={t.id}
                data-testid={`template-${t.id}`}
                className={`flex cursor-pointer gap-3 rounded-lg border p-4 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 ${
                  selected
                    ? "border-indigo-500 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-950/40"
                    : "border-zinc-200 bg-white hover:border-zinc-300 dark:border-zinc-800 dark:bg-zinc-900"
                }`}
              >
                <input
                  type="radio"
                  name="template"
                  value={t.id}
                  checked={selected}
                  onChange={() => onTemplate(t)}
                  className="mt-1"
                />
                <span>
                  <span className="block font-medium">{t.name}</span>
                  <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{t.description}</span>
                  <span className="mt-2 block text-xs text-zinc-500">
                    {t.mediaKind === "any" ? "any media" : t.mediaKind} · {t.axes.length} question
                    {t.axes.length === 1 ? "" : "s"}
                    {t.optionalAxes.length > 0 ? ` + ${t.optionalAxes.length} optional` : ""}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
