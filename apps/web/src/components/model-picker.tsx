import { formatCount } from "./format";
import { legendClass, noneClass, optionClass } from "./styles";
import { toggle } from "../lib/list-edit";
import type { ModelRow } from "./studies/types";

/** A checkbox list of the project's models with their output counts (study and review forms). */
export function ModelPicker({
  models,
  selected,
  onChange,
}: {
  models: ModelRow[];
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset>
      <legend className={legendClass}>Models</legend>
      {models.length === 0 ? (
        <p className={noneClass}>This project has no models yet.</p>
      ) : (
        <ul className="space-y-1.5">
          {models.map((m) => (
            <li key={m.id}>
              <label className={optionClass}>
                <input
                  type="checkbox"
                  checked={selected.includes(m.id)}
                  onChange={(e) => onChange(toggle(selected, m.id, e.target.checked))}
                />
                <span className="font-mono">{m.name}</span>
                <span className="text-xs text-zinc-500">
                  ({formatCount(m.outputCount)} output{m.outputCount === 1 ? "" : "s"})
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
