"use client";

import { useState } from "react";
import { useTRPCClient } from "@/lib/trpc";
import type { RevealedMedia } from "./types";

type RevealState = {
  /** The item this state belongs to: a different item starts blurred again. */
  subject: string;
  media: RevealedMedia | null;
  error: string | null;
  pending: boolean;
};

/**
 * Exchanges an item's reveal token for its full media through `safety.reveal` — the only way to
 * the unblurred original, so every look is in the audit log. A refusal (an expired token) keeps
 * the media blurred and says why, in the server's words. `subject` names the item when its token
 * changes without the item changing (the escalation queue signs fresh tokens on every refetch);
 * by default the token itself is the subject.
 */
export type Reveal = ReturnType<typeof useReveal>;

export function useReveal(studyId: string, token: string, onRevealed: () => void, subject: string = token) {
  const client = useTRPCClient();
  const [state, setState] = useState<RevealState | null>(null);
  const current = state?.subject === subject ? state : null;

  // An answer for an item no longer shown must not overwrite the state of the one that is.
  const settle = (which: string, result: Pick<RevealState, "media" | "error">) =>
    setState((s) => (s?.subject === which ? { subject: which, pending: false, ...result } : s));

  /** Reveals this item, or, given a token, the item that token was just issued for. */
  async function reveal(newToken?: string) {
    const which = newToken ?? subject;
    if (state?.subject === which && (state.pending || state.media)) return;
    setState({ subject: which, media: null, error: null, pending: true });
    try {
      const media = await client.safety.reveal.mutate({ studyId, token: newToken ?? token });
      settle(which, { media, error: null });
      onRevealed();
    } catch (err) {
      settle(which, {
        media: null,
        error: err instanceof Error ? err.message : "Could not reveal the media.",
      });
    }
  }

  return {
    media: current?.media ?? null,
    error: current?.error ?? null,
    pending: current?.pending ?? false,
    reveal,
  };
}
