"use client";

import { useStoredValue } from "@/lib/use-stored-value";

// One preference for every study: a reviewer who needs grayscale needs it everywhere.
const KEY = "loupe.review.grayscale";

/** Whether media show in grayscale (less vivid gore), remembered in this browser. */
export function useGrayscale(): [boolean, () => void] {
  const [stored, update] = useStoredValue("local", KEY);
  return [stored === "1", () => void update((current) => (current === "1" ? "0" : "1"))];
}
