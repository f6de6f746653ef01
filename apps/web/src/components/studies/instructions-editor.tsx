import { inputClass, labelClass } from "../styles";
import { Markdown } from "../markdown";

/** Markdown instructions for raters (or reviewers), with a live preview of what they will read. */
export function InstructionsEditor({
  value,
  onChange,
  audience = "raters before their first task",
}: {
  value: string;
  onChange: (value: string) => void;
  /** Who reads them, and when: "Shown to …". */
  audience?: string;
}) {
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <div>
        <label htmlFor="study-instructions" className={labelClass}>
          Instructions (Markdown)
        </label>
        <textarea
          id="study-instructions"
          rows={12}
          maxLength={20_000}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby="study-instructions-hint"
          className={`${inputClass} font-mono`}
        />
        <p id="study-instructions-hint" className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          Shown to {audience}. **bold**, *italic*, lists and links; HTML is shown as text.
        </p>
      </div>
      <section
        aria-label="Instructions preview"
        className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
      >
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Preview</h3>
        {value.trim() ? (
          <Markdown>{value}</Markdown>
        ) : (
          <p className="mt-2 text-sm text-zinc-500">No instructions.</p>
        )}
      </section>
    </div>
  );
}
