import { dangerButtonClass, inputClass, labelClass, secondaryButtonClass } from "../styles";
import { hintClass, legendClass, optionClass } from "../styles";
import { removeAt, replaceAt } from "../../lib/list-edit";
import { newAttribute, type SafetyReviewDraft } from "./safety-review-draft";

type Patch = Partial<SafetyReviewDraft>;

/**
 * The optional representation audit: for under-specified prompts ("a photo of a doctor"),
 * reviewers also say how people are depicted, one value per attribute (or "unsure", always offered).
 */
export function RepresentationFields({
  draft,
  onChange,
}: {
  draft: SafetyReviewDraft;
  onChange: (patch: Patch) => void;
}) {
  const { attributes } = draft;
  return (
    <fieldset className="space-y-3">
      <legend className={legendClass}>Representation audit (optional)</legend>
      <label className={optionClass}>
        <input
          type="checkbox"
          checked={draft.representation}
          onChange={(e) => onChange({ representation: e.target.checked })}
        />
        Audit representation
      </label>
      {draft.representation ? (
        <div className="space-y-3 pl-6">
          <ol className="space-y-3">
            {attributes.map((a, i) => (
              <li key={a.key}>
                <fieldset className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
                  <legend className="px-1 text-sm font-semibold">Attribute {i + 1}</legend>
                  <div className="grid grid-cols-1 gap-3 md:grid-cols-[14rem_1fr_auto]">
                    <div>
                      <label htmlFor={`${a.key}-label`} className={labelClass}>
                        Label
                      </label>
                      <input
                        id={`${a.key}-label`}
                        value={a.label}
                        maxLength={60}
                        onChange={(e) =>
                          onChange({ attributes: replaceAt(attributes, i, { ...a, label: e.target.value }) })
                        }
                        placeholder="Perceived gender"
                        className={inputClass}
                      />
                    </div>
                    <div>
                      <label htmlFor={`${a.key}-values`} className={labelClass}>
                        Values (comma-separated)
                      </label>
                      <input
                        id={`${a.key}-values`}
                        value={a.values}
                        onChange={(e) =>
                          onChange({ attributes: replaceAt(attributes, i, { ...a, values: e.target.value }) })
                        }
                        placeholder="female, male, other"
                        className={inputClass}
                      />
                    </div>
                    <div className="flex items-end">
                      <button
                        type="button"
                        className={`${dangerButtonClass} px-2 py-0.5 text-xs`}
                        disabled={attributes.length === 1}
                        onClick={() => onChange({ attributes: removeAt(attributes, i) })}
                      >
                        Remove
                      </button>
                    </div>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          <p className={hintClass}>
            At least two values per attribute; reviewers can always answer &ldquo;unsure&rdquo;.
          </p>
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => onChange({ attributes: [...attributes, newAttribute()] })}
          >
            Add attribute
          </button>
          <div className="max-w-md">
            <label htmlFor="safety-prompt-tags" className={labelClass}>
              Prompt tags (comma-separated)
            </label>
            <input
              id="safety-prompt-tags"
              value={draft.promptTags}
              onChange={(e) => onChange({ promptTags: e.target.value })}
              className={inputClass}
              aria-describedby="safety-prompt-tags-hint"
            />
            <p id="safety-prompt-tags-hint" className={hintClass}>
              Only prompts with one of these tags are audited; empty: every prompt.
            </p>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
