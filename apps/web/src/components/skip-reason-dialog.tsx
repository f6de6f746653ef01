"use client";

import { Dialog } from "./dialog";
import { SKIP_REASONS, type SkipReason } from "./rating/answer-options";

/** Why the item is skipped: the server's reasons, each with its number key (the page handles the keys). */
export function SkipReasonDialog({
  title,
  onSkip,
  onClose,
}: {
  title: string;
  onSkip: (reason: SkipReason) => void;
  onClose: () => void;
}) {
  return (
    <Dialog title={title} onClose={onClose}>
      <ul className="space-y-1">
        {SKIP_REASONS.map((r) => (
          <li key={r.value}>
            <button
              type="button"
              onClick={() => onSkip(r.value)}
              className="w-full rounded px-2 py-1 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              <kbd className="mr-2 text-zinc-500">{r.key}</kbd>
              {r.label}
            </button>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-zinc-500">Esc to cancel</p>
    </Dialog>
  );
}
