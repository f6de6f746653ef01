import { NumberField } from "../studies/number-field";
import { legendClass, optionClass } from "../styles";
import type { SafetyReviewDraft } from "./safety-review-draft";

type Patch = Partial<SafetyReviewDraft>;

/** Protecting reviewers from what they review: blurred media, and a suggested break. */
export function ExposureFields({
  draft,
  onChange,
}: {
  draft: SafetyReviewDraft;
  onChange: (patch: Patch) => void;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className={legendClass}>Reviewer wellbeing</legend>
      <label className={optionClass}>
        <input
          type="checkbox"
          checked={draft.blurByDefault}
          onChange={(e) => onChange({ blurByDefault: e.target.checked })}
        />
        Blur by default
      </label>
      <div className="max-w-xs">
        <NumberField
          id="safety-break-after"
          label="Break after (exposures)"
          min={5}
          max={1000}
          value={draft.breakAfterExposures}
          onChange={(breakAfterExposures) => onChange({ breakAfterExposures })}
          hint="Suggest a break after this many revealed items in a session; empty: never."
        />
      </div>
    </fieldset>
  );
}
