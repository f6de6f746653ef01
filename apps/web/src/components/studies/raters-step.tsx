import { inputClass, labelClass } from "../styles";
import { InstructionsEditor } from "./instructions-editor";
import { NumberField } from "./number-field";
import type { WizardDraft } from "./wizard-draft";

const legendClass = "mb-2 text-sm font-semibold text-zinc-800 dark:text-zinc-200";
/** The draft's fields that hold a typed string (the number inputs). */
type TextKey = { [K in keyof WizardDraft]: WizardDraft[K] extends string ? K : never }[keyof WizardDraft];

const gridClass = "grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3";

/** Step 4: how many raters see each item, their limits, quality control, and the instructions. */
export function RatersStep({
  draft,
  onChange,
}: {
  draft: WizardDraft;
  onChange: (patch: Partial<WizardDraft>) => void;
}) {
  const field = (key: TextKey) => ({
    value: draft[key],
    onChange: (value: string) => onChange({ [key]: value } as Partial<WizardDraft>),
  });
  return (
    <div className="space-y-6">
      <fieldset>
        <legend className={legendClass}>Raters</legend>
        <div className={gridClass}>
          <NumberField id="cfg-overlap" label="Raters per item" min={1} max={50} {...field("overlap")} />
          <NumberField
            id="cfg-gold"
            label="Gold items (% of served tasks)"
            min={0}
            max={50}
            step={0.5}
            hint="Mark gold items with expected answers on the study page after launch."
            {...field("goldPercent")}
          />
          <NumberField
            id="cfg-cap"
            label="Most judgments per rater"
            min={1}
            hint="Empty: no cap."
            {...field("maxPerRater")}
          />
          <NumberField
            id="cfg-lease"
            label="Lease (seconds)"
            min={30}
            max={86400}
            hint="How long a served task stays reserved for its rater."
            {...field("leaseSeconds")}
          />
          <NumberField
            id="cfg-break"
            label="Break reminder every (minutes)"
            min={5}
            max={240}
            hint="Empty: no reminder."
            {...field("breakMinutes")}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend className={legendClass}>Quality control</legend>
        <p className="mb-3 text-xs text-zinc-500 dark:text-zinc-400">
          A rater who crosses a threshold is flagged, or excluded (judgments kept and marked, reversible).
          Leave a threshold empty to skip that check.
        </p>
        <div className={gridClass}>
          <NumberField
            id="qc-gold-accuracy"
            label="Lowest gold accuracy (%)"
            min={0}
            max={100}
            {...field("minGoldAccuracyPercent")}
          />
          <NumberField
            id="qc-gold-judged"
            label="…after this many gold items"
            min={1}
            {...field("minGoldJudged")}
          />
          <NumberField
            id="qc-too-fast-seconds"
            label="Too fast: under (seconds)"
            min={0}
            step={0.5}
            {...field("tooFastSeconds")}
          />
          <NumberField
            id="qc-too-fast-share"
            label="Largest too-fast share (%)"
            min={0}
            max={100}
            {...field("maxTooFastPercent")}
          />
          <NumberField
            id="qc-same-answer"
            label="Largest same-answer share (%)"
            min={0}
            max={100}
            hint="Straight-lining: always the same side or answer."
            {...field("maxSameAnswerPercent")}
          />
          <NumberField
            id="qc-agreement"
            label="Lowest agreement with others (%)"
            min={0}
            max={100}
            {...field("minAgreementPercent")}
          />
          <NumberField
            id="qc-min-judgments"
            label="Checks start after (judgments)"
            min={1}
            {...field("minJudgments")}
          />
          <div>
            <label htmlFor="qc-action" className={labelClass}>
              When a threshold is crossed
            </label>
            <select
              id="qc-action"
              value={draft.qcAction}
              onChange={(e) => onChange({ qcAction: e.target.value === "exclude" ? "exclude" : "flag" })}
              className={inputClass}
            >
              <option value="flag">Flag the rater</option>
              <option value="exclude">Exclude the rater</option>
            </select>
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend className={legendClass}>Instructions</legend>
        <InstructionsEditor
          value={draft.instructions}
          onChange={(instructions) => onChange({ instructions })}
        />
      </fieldset>
    </div>
  );
}
