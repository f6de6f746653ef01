import { formatCount } from "../format";
import { toggle } from "../../lib/list-edit";
import { ModelPicker } from "../model-picker";
import { inputClass, labelClass, legendClass, optionClass } from "../styles";
import { NumberField } from "./number-field";
import type { ModelRow, PlanKind, PromptSetRow } from "./types";
import type { WizardDraft } from "./wizard-draft";

/** Step 2: which models are compared, on which prompt sets, and which pairs of them. */
export function ModelsStep({
  draft,
  onChange,
  models,
  promptSets,
}: {
  draft: WizardDraft;
  onChange: (patch: Partial<WizardDraft>) => void;
  models: ModelRow[];
  promptSets: PromptSetRow[];
}) {
  const chosenModels = models.filter((m) => draft.modelIds.includes(m.id));
  const setPlan = (planKind: PlanKind) => onChange({ planKind });
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <ModelPicker
        models={models}
        selected={draft.modelIds}
        onChange={(modelIds) => onChange({ modelIds })}
      />

      <fieldset>
        <legend className={legendClass}>Prompt sets</legend>
        {promptSets.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">This project has no prompt sets yet.</p>
        ) : (
          <ul className="space-y-1.5">
            {promptSets.map((s) => (
              <li key={s.id}>
                <label className={optionClass}>
                  <input
                    type="checkbox"
                    checked={draft.promptSetIds.includes(s.id)}
                    onChange={(e) =>
                      onChange({ promptSetIds: toggle(draft.promptSetIds, s.id, e.target.checked) })
                    }
                  />
                  <span>{s.name}</span>
                  <span className="text-xs text-zinc-500">({formatCount(s.promptCount)} prompts)</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <fieldset className="lg:col-span-2">
        <legend className={legendClass}>Comparison plan</legend>
        <div className="space-y-3">
          <label className={optionClass}>
            <input
              type="radio"
              name="plan"
              checked={draft.planKind === "all-pairs"}
              onChange={() => setPlan("all-pairs")}
            />
            All pairs of models, on every prompt
          </label>
          <div>
            <label className={optionClass}>
              <input
                type="radio"
                name="plan"
                checked={draft.planKind === "baseline"}
                onChange={() => setPlan("baseline")}
              />
              Every model against a baseline
            </label>
            {draft.planKind === "baseline" ? (
              <div className="mt-2 ml-6 max-w-xs">
                <label htmlFor="plan-baseline" className={labelClass}>
                  Baseline model
                </label>
                <select
                  id="plan-baseline"
                  value={draft.baselineModelId}
                  onChange={(e) => onChange({ baselineModelId: e.target.value })}
                  className={inputClass}
                >
                  <option value="">Choose a selected model…</option>
                  {chosenModels.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </div>
          <div>
            <label className={optionClass}>
              <input
                type="radio"
                name="plan"
                checked={draft.planKind === "adaptive"}
                onChange={() => setPlan("adaptive")}
              />
              Adaptive: all pairs, then more raters where a pair is still uncertain
            </label>
            {draft.planKind === "adaptive" ? (
              <div className="mt-2 ml-6 max-w-xs">
                <NumberField
                  id="plan-max-overlap"
                  label="Most raters per item"
                  value={draft.maxOverlap}
                  onChange={(maxOverlap) => onChange({ maxOverlap })}
                  min={1}
                  max={50}
                  hint="Uncertain pairs get more raters, up to this many per item."
                />
                <NumberField
                  id="plan-target-width"
                  label="Target interval width (points of %)"
                  value={draft.targetWidthPercent}
                  onChange={(targetWidthPercent) => onChange({ targetWidthPercent })}
                  min={1}
                  max={200}
                  hint="Rating stops once every pair's net win rate is known to within this 95% interval width."
                />
              </div>
            ) : null}
          </div>
        </div>
      </fieldset>
    </div>
  );
}
