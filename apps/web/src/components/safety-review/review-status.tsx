import type { ReviewPhase } from "./review-keys";
import { UndoButton } from "./undo-button";

/** What the page says when there is no item to review: paused, finished, or nothing free right now. */
export function ReviewStatus({
  phase,
  reviewed,
  undoLeft,
  onRetry,
  onUndo,
}: {
  phase: Extract<ReviewPhase, "paused" | "done" | "waiting">;
  reviewed: number;
  /** Seconds left to undo the last review (0: no undo). */
  undoLeft: number;
  onRetry: () => void;
  onUndo: () => void;
}) {
  return (
    <section className="mx-auto max-w-lg py-24 text-center" aria-live="polite">
      {phase === "paused" ? (
        <>
          <h1 className="text-xl font-semibold">This study is paused</h1>
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">
            Reviews are not being collected right now. Please come back later; your reviews so far are saved.
          </p>
        </>
      ) : phase === "done" ? (
        <>
          <h1 className="text-xl font-semibold">Nothing left to review</h1>
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">
            You have reviewed {reviewed} {reviewed === 1 ? "item" : "items"} in this study. Thank you.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-xl font-semibold">No item is free right now</h1>
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">
            Every open item is reserved at the moment. Try again in a few minutes.
          </p>
          <button type="button" onClick={onRetry} className="mt-4 text-sm underline">
            Try again
          </button>
        </>
      )}
      <div className="mt-4">
        <UndoButton secondsLeft={undoLeft} onUndo={onUndo} />
      </div>
    </section>
  );
}
