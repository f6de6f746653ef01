import { hintClass, legendClass, noneClass, optionClass } from "../styles";
import { toggle } from "../../lib/list-edit";
import type { ReviewerCandidate } from "./types";

/** A checkbox per project member who may review (the reviewer role or above). */
export function ReviewerPicker({
  legend,
  hint,
  candidates,
  selected,
  onChange,
}: {
  legend: string;
  hint: string;
  candidates: ReviewerCandidate[];
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset>
      <legend className={legendClass}>{legend}</legend>
      {candidates.length === 0 ? (
        <p className={noneClass}>
          No member has the reviewer role or above; add reviewers in the project&rsquo;s Settings.
        </p>
      ) : (
        <ul className="space-y-1.5">
          {candidates.map((c) => (
            <li key={c.userId}>
              <label className={optionClass}>
                <input
                  type="checkbox"
                  checked={selected.includes(c.userId)}
                  onChange={(e) => onChange(toggle(selected, c.userId, e.target.checked))}
                />
                <span>{c.name ? `${c.name} (${c.email})` : c.email}</span>
                <span className="text-xs text-zinc-500">{c.role}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <p className={hintClass}>{hint}</p>
    </fieldset>
  );
}
