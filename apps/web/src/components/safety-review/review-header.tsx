import Link from "next/link";
import type { ReactNode } from "react";
import { KeyHint } from "./key-hint";
import type { ReviewProgress } from "./types";

/** The workspace's top bar: progress, the wellbeing controls, help, and the seniors' way to the queue. */
export function ReviewHeader({
  progress,
  controls,
  onHelp,
  escalationsHref,
}: {
  progress: ReviewProgress;
  controls: ReactNode;
  onHelp: () => void;
  /** Only for senior reviewers. */
  escalationsHref: string | null;
}) {
  const pct = progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0;
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
      <span className="font-semibold">Loupe · Review</span>
      <div className="flex min-w-48 flex-1 items-center gap-2">
        <div
          role="progressbar"
          aria-label="Items reviewed"
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.done}
          className="h-2 max-w-md flex-1 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
        >
          <div className="h-full bg-indigo-600" style={{ width: `${pct}%` }} />
        </div>
        <span data-testid="progress" className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400">
          {progress.done} of {progress.total} reviewed
        </span>
      </div>
      {controls}
      {escalationsHref ? (
        <Link
          href={escalationsHref}
          className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300"
        >
          Escalation queue
        </Link>
      ) : null}
      <button type="button" onClick={onHelp} className="text-sm underline">
        Shortcuts &amp; instructions
        <KeyHint>?</KeyHint>
      </button>
    </header>
  );
}
