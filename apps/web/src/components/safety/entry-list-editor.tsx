import { dangerButtonClass, inputClass, labelClass, secondaryButtonClass } from "../styles";
import { moveItem, removeAt, replaceAt } from "../../lib/list-edit";
import { newEntry, withId, withLabel, type EntryDraft } from "./policy-draft";

const smallButton = `${secondaryButtonClass} px-2 py-0.5 text-xs`;

/**
 * An ordered list of policy entries (categories or severities): id, label and a longer text per
 * row, with add, remove and move. Each row is a group named "<Noun> <n>", so its controls are
 * announced with the row they act on.
 */
export function EntryListEditor({
  noun,
  entries,
  onChange,
  textLabel,
  textHint,
  textRows = 3,
  addLabel,
  labelMax,
}: {
  /** "Category" or "Severity": names the rows ("Category 2") and their inputs' ids. */
  noun: string;
  entries: EntryDraft[];
  onChange: (entries: EntryDraft[]) => void;
  textLabel: string;
  textHint?: string;
  textRows?: number;
  addLabel: string;
  /** The API's limit on a label's length. */
  labelMax: number;
}) {
  const prefix = noun.toLowerCase();
  const update = (index: number, entry: EntryDraft) => onChange(replaceAt(entries, index, entry));
  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        {entries.map((entry, i) => {
          const base = `${prefix}-${entry.key}`;
          return (
            <li key={entry.key}>
              <fieldset className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
                <legend className="px-1 text-sm font-semibold">
                  {noun} {i + 1}
                </legend>
                <div className="grid grid-cols-1 gap-3 md:grid-cols-[12rem_1fr_auto]">
                  <div>
                    <label htmlFor={`${base}-id`} className={labelClass}>
                      Id
                    </label>
                    <input
                      id={`${base}-id`}
                      value={entry.id}
                      maxLength={40}
                      onChange={(e) => update(i, withId(entry, e.target.value))}
                      className={`${inputClass} font-mono`}
                      aria-describedby={`${prefix}-id-hint`}
                    />
                  </div>
                  <div>
                    <label htmlFor={`${base}-label`} className={labelClass}>
                      Label
                    </label>
                    <input
                      id={`${base}-label`}
                      value={entry.label}
                      maxLength={labelMax}
                      onChange={(e) => update(i, withLabel(entry, e.target.value))}
                      className={inputClass}
                    />
                  </div>
                  <div className="flex items-end gap-1">
                    <button
                      type="button"
                      className={smallButton}
                      disabled={i === 0}
                      onClick={() => onChange(moveItem(entries, i, -1))}
                    >
                      Move up
                    </button>
                    <button
                      type="button"
                      className={smallButton}
                      disabled={i === entries.length - 1}
                      onClick={() => onChange(moveItem(entries, i, 1))}
                    >
                      Move down
                    </button>
                    <button
                      type="button"
                      className={`${dangerButtonClass} px-2 py-0.5 text-xs`}
                      disabled={entries.length === 1}
                      onClick={() => onChange(removeAt(entries, i))}
                    >
                      Remove
                    </button>
                  </div>
                </div>
                <div className="mt-3">
                  <label htmlFor={`${base}-text`} className={labelClass}>
                    {textLabel}
                  </label>
                  <textarea
                    id={`${base}-text`}
                    rows={textRows}
                    value={entry.text}
                    onChange={(e) => update(i, { ...entry, text: e.target.value })}
                    className={inputClass}
                    aria-describedby={textHint ? `${prefix}-text-hint` : undefined}
                  />
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p id={`${prefix}-id-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
        Ids: up to 40 lowercase letters, digits, _ and -. Reviews record the id, so keep a saved id when only
        the wording changes.
      </p>
      {textHint ? (
        <p id={`${prefix}-text-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {textHint}
        </p>
      ) : null}
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={() => onChange([...entries, newEntry(prefix)])}
      >
        {addLabel}
      </button>
    </div>
  );
}
