import { secondaryButtonClass } from "../styles";
import { AxisEditor } from "./axis-editor";
import { newCustomAxis, type AxisDraft } from "./wizard-draft";

/** Step 3: the questions raters answer for every pair, in the order they are asked. */
export function AxesStep({ axes, onChange }: { axes: AxisDraft[]; onChange: (axes: AxisDraft[]) => void }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Raters answer each question for every pair. The template&apos;s questions are filled in; edit them,
        switch optional ones on, or add your own.
      </p>
      {axes.map((axis, i) => (
        <AxisEditor
          key={axis.key}
          axis={axis}
          index={i}
          onChange={(patch) => onChange(axes.map((a) => (a.key === axis.key ? { ...a, ...patch } : a)))}
          onRemove={() => onChange(axes.filter((a) => a.key !== axis.key))}
        />
      ))}
      <button
        type="button"
        onClick={() => onChange([...axes, newCustomAxis()])}
        className={secondaryButtonClass}
      >
        Add a question
      </button>
    </div>
  );
}
