import { KeyHint } from "./key-hint";
import { UndoButton } from "./undo-button";

/** Submit, skip and undo under the item, with the one-line key reminder. */
export function ReviewActions({
  busy,
  undoLeft,
  audited,
  onSubmit,
  onSkip,
  onUndo,
}: {
  busy: boolean;
  undoLeft: number;
  /** The item asks the representation questions (key A). */
  audited: boolean;
  onSubmit: () => void;
  onSkip: () => void;
  onUndo: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={busy}
        onClick={onSubmit}
        aria-keyshortcuts="Enter"
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
      >
        Submit review
        <KeyHint className="text-indigo-200">Enter</KeyHint>
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={onSkip}
        aria-keyshortcuts="s"
        className="rounded-md border border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700"
      >
        Skip
        <KeyHint>S</KeyHint>
      </button>
      <UndoButton secondsLeft={undoLeft} onUndo={onUndo} />
      <p className="ml-auto text-xs text-zinc-500">
        V reveal · G grayscale · 1–0 labels · Q–Y severity · N none · M note
        {audited ? " · A representation" : ""} · Enter submit · S skip · U undo · ? help
      </p>
    </div>
  );
}
