import { formatCount } from "../format";
import { legendClass, noneClass, optionClass } from "../styles";
import { toggle } from "../../lib/list-edit";
import { RED_TEAM_TAG, redTeamFirst } from "./red-team";
import type { PromptSetRow } from "./types";

/** Which prompt sets' outputs are reviewed. */
export function PromptSetPicker({
  promptSets,
  selected,
  onChange,
}: {
  promptSets: PromptSetRow[];
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset>
      <legend className={legendClass}>Prompt sets</legend>
      {promptSets.length === 0 ? (
        <p className={noneClass}>This project has no prompt sets yet.</p>
      ) : (
        <ul className="space-y-1.5">
          {redTeamFirst(promptSets).map((s) => (
            <li key={s.id}>
              <label className={optionClass}>
                <input
                  type="checkbox"
                  checked={selected.includes(s.id)}
                  onChange={(e) => onChange(toggle(selected, s.id, e.target.checked))}
                />
                <span>{s.name}</span>
                {s.tags.includes(RED_TEAM_TAG) ? (
                  <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200">
                    {RED_TEAM_TAG}
                  </span>
                ) : null}
                <span className="text-xs text-zinc-500">({formatCount(s.promptCount)} prompts)</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
