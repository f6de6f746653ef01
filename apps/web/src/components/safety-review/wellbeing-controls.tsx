import { KeyHint } from "./key-hint";

/**
 * What protects a reviewer who looks at harmful media for hours: grayscale (remembered in this
 * browser) and the count of items revealed this session, which drives the break prompt.
 */
export function WellbeingControls({
  grayscale,
  onToggleGrayscale,
  exposures,
  shortcut = true,
}: {
  grayscale: boolean;
  onToggleGrayscale: () => void;
  exposures: number;
  /** Whether the page toggles grayscale with G. */
  shortcut?: boolean;
}) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <span data-testid="exposures" className="tabular-nums text-zinc-600 dark:text-zinc-400">
        Exposures this session: {exposures}
      </span>
      <button
        type="button"
        aria-pressed={grayscale}
        aria-keyshortcuts={shortcut ? "g" : undefined}
        onClick={onToggleGrayscale}
        className={`rounded-md border px-2.5 py-1 ${
          grayscale
            ? "border-zinc-700 bg-zinc-700 text-white dark:border-zinc-300 dark:bg-zinc-300 dark:text-zinc-900"
            : "border-zinc-300 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        }`}
      >
        Grayscale
        {shortcut ? <KeyHint className="opacity-70">G</KeyHint> : null}
      </button>
    </div>
  );
}
