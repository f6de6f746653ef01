"use client";

import { useState } from "react";
import { useStoredValue } from "@/lib/use-stored-value";

/**
 * How many items this reviewer has revealed in this browser session, and the break prompt that
 * comes every `breakAfter` reveals. Kept in sessionStorage per study: a reload does not reset the
 * count (nor the prompt it leads to); closing the browser does.
 */
export function useExposures(studyId: string, breakAfter: number | null) {
  const [stored, update] = useStoredValue("session", `loupe.review.exposures.${studyId}`);
  const [breakDue, setBreakDue] = useState(false);
  const count = Number(stored ?? 0) || 0;

  /** Counts one reveal. */
  function record() {
    const written = Number(update((current) => String((Number(current ?? 0) || 0) + 1)));
    if (breakAfter !== null && written % breakAfter === 0) setBreakDue(true);
  }

  return { count, record, breakDue, dismissBreak: () => setBreakDue(false) };
}
