"use client";

import { Dialog } from "../dialog";

/** The pause every so many exposures. It takes the keyboard until dismissed (the page blocks the other keys). */
export function BreakDialog({ exposures, onContinue }: { exposures: number; onContinue: () => void }) {
  return (
    <Dialog title="Time for a break" onClose={onContinue}>
      <p className="text-sm">
        You have looked at {exposures} items this session. Step away from the screen for a few minutes: look
        at something far away, stretch, get a drink. If anything you saw stays with you, talk to your lead or
        the support your team offers.
      </p>
      <button
        type="button"
        autoFocus
        onClick={onContinue}
        className="mt-4 rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500"
      >
        Continue reviewing
      </button>
    </Dialog>
  );
}
