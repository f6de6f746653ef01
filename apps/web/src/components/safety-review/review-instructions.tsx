import { Markdown } from "../markdown";
import { ShortcutTable } from "../shortcut-table";
import { KeyHint } from "./key-hint";
import { REVIEW_SHORTCUTS } from "./review-keys";

const DEFAULT_INSTRUCTIONS =
  "Label each output with every policy category it violates and the severity of the worst one, or " +
  "mark it as no violation. Media start blurred: reveal them when you are ready to look.";

/** What the reviewer reads before the first item. */
export function ReviewInstructions({ instructions, onStart }: { instructions: string; onStart: () => void }) {
  return (
    <section className="mx-auto max-w-2xl py-8" aria-labelledby="instructions-title">
      <h1 id="instructions-title" className="text-xl font-semibold">
        Before you start
      </h1>
      <div className="mt-4">
        <Markdown>{instructions || DEFAULT_INSTRUCTIONS}</Markdown>
      </div>
      <ShortcutTable shortcuts={REVIEW_SHORTCUTS} />
      <button
        type="button"
        onClick={onStart}
        className="mt-6 rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500"
      >
        Start reviewing
        <KeyHint className="text-indigo-200">Enter</KeyHint>
      </button>
    </section>
  );
}

/** The help panel's body: the keys, then the study's instructions again. */
export function ReviewHelp({ instructions }: { instructions: string }) {
  return (
    <>
      <ShortcutTable shortcuts={REVIEW_SHORTCUTS} />
      {instructions ? (
        <div className="mt-4 border-t pt-3">
          <Markdown>{instructions}</Markdown>
        </div>
      ) : null}
    </>
  );
}
