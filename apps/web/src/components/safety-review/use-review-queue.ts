"use client";

import { useRef, useState } from "react";
import { TRPCClientError } from "@trpc/client";
import { retryOnNetworkError } from "@/lib/network-retry";
import { useTRPCClient } from "@/lib/trpc";
import type { SkipReason } from "../rating/answer-options";
import type { ReviewPhase } from "./review-keys";
import type { ReviewAnswers } from "./review-form";
import type { NextReview, ReviewItem, ReviewProgress, ReviewSession } from "./types";

export const UNDO_SECONDS = 10;

export type Notice = { tone: "info" | "error"; text: string };

const messageOf = (err: unknown, fallback: string) => (err instanceof Error ? err.message : fallback);

/**
 * The reviewer's way through the study's queue: the current item, the next one reserved and its
 * preview preloaded while this one is reviewed, submission with an idempotency key reused on
 * network retries, skip, and undo of the last review for UNDO_SECONDS. `onShow` runs for every
 * item put on screen (to reset the form, or fill it from an undone review).
 */
export function useReviewQueue(studyId: string, session: ReviewSession, onShow: (item: ReviewItem) => void) {
  const client = useTRPCClient();
  const [phase, setPhase] = useState<ReviewPhase>(session.status === "active" ? "instructions" : "paused");
  const [item, setItem] = useState<ReviewItem | null>(null);
  const [progress, setProgress] = useState<ReviewProgress>(session.progress);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [lastReview, setLastReview] = useState<{ id: string; at: number } | null>(null);
  const shownAt = useRef(0);
  const prefetch = useRef<Promise<NextReview | null> | null>(null);

  function show(next: ReviewItem) {
    setItem(next);
    setPhase("reviewing");
    shownAt.current = performance.now();
    onShow(next);
    // Reserve the next item and warm its (blurred) preview; the original is only fetched on reveal.
    prefetch.current = client.safety.next
      .mutate({ studyId, exclude: [next.assignmentId] })
      .then((r) => {
        if (r.status === "item" && r.item.media.previewUrl) new Image().src = r.item.media.previewUrl;
        return r;
      })
      .catch(() => null);
  }

  function handle(result: NextReview, opts: { prefetched?: boolean } = {}) {
    // A prefetched result counted progress before the latest submission: keep the newer count.
    if (!opts.prefetched) setProgress(result.progress);
    if (result.status === "item") return show(result.item);
    setItem(null);
    setPhase(result.status === "none" ? "waiting" : result.status);
  }

  async function loadNext() {
    const pending = prefetch.current;
    prefetch.current = null;
    const prefetched = pending ? await pending : null;
    if (prefetched?.status === "item") return handle(prefetched, { prefetched: true });
    try {
      handle(await client.safety.next.mutate({ studyId }));
    } catch (err) {
      setNotice({ tone: "error", text: messageOf(err, "Could not load the next item.") });
    }
  }

  /**
   * Runs one queue action at a time; what it throws is shown as it is. `moveOn`: a CONFLICT means
   * the item was taken back (its lease ran out), so go to the next rather than leave a dead item up.
   */
  async function run(action: () => Promise<void>, fallback: string, moveOn = false) {
    if (busy) return;
    setBusy(true);
    try {
      await action();
    } catch (err) {
      setNotice({ tone: "error", text: messageOf(err, fallback) });
      if (moveOn && err instanceof TRPCClientError && err.data?.code === "CONFLICT") await loadNext();
    } finally {
      setBusy(false);
    }
  }

  const start = () => run(loadNext, "Could not load the first item.");

  const submit = (answers: ReviewAnswers) =>
    run(
      async () => {
        if (!item) return;
        setNotice(null);
        // Built once: every retry sends the same key, so a review that did arrive is not counted twice.
        const input = {
          studyId,
          assignmentId: item.assignmentId,
          idempotencyKey: crypto.randomUUID(),
          answers,
          durationMs: Math.round(performance.now() - shownAt.current),
        };
        const result = await retryOnNetworkError(() => client.safety.submit.mutate(input));
        setProgress(result.progress);
        setLastReview({ id: result.judgmentId, at: Date.now() });
        await loadNext();
      },
      "Could not save the review.",
      true,
    );

  const skip = (reason: SkipReason) =>
    run(
      async () => {
        if (!item) return;
        await client.safety.skip.mutate({ studyId, assignmentId: item.assignmentId, reason });
        setNotice({ tone: "info", text: "Skipped." });
        await loadNext();
      },
      "Could not skip.",
      true,
    );

  const undo = () =>
    run(async () => {
      if (!lastReview || Date.now() - lastReview.at > UNDO_SECONDS * 1000) return;
      const result = await client.safety.undo.mutate({ studyId, judgmentId: lastReview.id });
      setLastReview(null);
      setProgress(result.progress);
      show(result.item);
      setNotice({ tone: "info", text: "Review undone: change your answers and submit again." });
    }, "Could not undo.");

  return {
    phase,
    item,
    progress,
    busy,
    notice,
    setNotice,
    lastReview,
    start,
    submit,
    skip,
    undo,
    retry: start,
  };
}
