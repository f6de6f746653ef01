import { KeyHint } from "./key-hint";

/** Takes back the last review while the undo window is open; the countdown sits outside the button's name. */
export function UndoButton({ secondsLeft, onUndo }: { secondsLeft: number; onUndo: () => void }) {
  if (secondsLeft <= 0) return null;
  return (
    <span className="inline-flex items-center gap-1.5 text-sm">
      <button
        type="button"
        onClick={onUndo}
        aria-keyshortcuts="u"
        className="rounded-md border border-zinc-300 px-3 py-1.5 dark:border-zinc-700"
      >
        Undo
        <KeyHint>U</KeyHint>
      </button>
      <span className="tabular-nums text-zinc-500">last review ({secondsLeft} s)</span>
    </span>
  );
}
