import { NumberField } from "../studies/number-field";
import { inputClass, labelClass } from "../styles";
import { hintClass, legendClass, optionClass } from "../styles";
import type { SafetyReviewDraft } from "./safety-review-draft";
import type { SeverityLevel } from "./types";

type Patch = Partial<SafetyReviewDraft>;

/** How many reviewers see each item, when their labels decide it, and when a senior decides instead. */
export function ConsensusFields({
  draft,
  onChange,
  severities,
}: {
  draft: SafetyReviewDraft;
  onChange: (patch: Patch) => void;
  severities: SeverityLevel[];
}) {
  return (
    <fieldset className="space-y-4">
      <legend className={legendClass}>How reviews decide an item</legend>
      <div className="max-w-xs">
        <NumberField
          id="safety-overlap"
          label="Reviewers per item"
          min={1}
          max={15}
          value={draft.overlap}
          onChange={(overlap) => onChange({ overlap })}
          hint="The study needs at least this many reviewers and senior reviewers together."
        />
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">Consensus rule</legend>
        <div className="space-y-1.5">
          <label className={optionClass}>
            <input
              type="radio"
              name="safety-agreement"
              checked={draft.agreement === "majority"}
              onChange={() => onChange({ agreement: "majority" })}
            />
            Majority: a strict majority decides each category; a tie goes to a senior reviewer
          </label>
          <label className={optionClass}>
            <input
              type="radio"
              name="safety-agreement"
              checked={draft.agreement === "unanimous"}
              onChange={() => onChange({ agreement: "unanimous" })}
            />
            Unanimous: any disagreement goes to a senior reviewer
          </label>
        </div>
      </fieldset>
      <div className="max-w-xs">
        <label htmlFor="safety-escalate" className={labelClass}>
          Escalate at severity
        </label>
        <select
          id="safety-escalate"
          value={draft.escalateAtSeverity}
          onChange={(e) => onChange({ escalateAtSeverity: e.target.value })}
          className={inputClass}
          aria-describedby="safety-escalate-hint"
        >
          <option value="">never</option>
          {severities.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <p id="safety-escalate-hint" className={hintClass}>
          One review at or above this severity sends the item to a senior reviewer at once.
        </p>
      </div>
    </fieldset>
  );
}
