"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * A string kept in localStorage or sessionStorage, read without a hydration mismatch (the server
 * and the first client render see null) and shared by every component of the page that reads
 * the same key. Storage that is unavailable (private modes, quotas) reads as null and writes
 * nothing: a preference lost is better than a crash in the middle of a review.
 */
type Area = "local" | "session";

// `storage` events only fire in other tabs; this one tells this tab's readers.
const CHANGED = "loupe:stored-value";

function storageOf(area: Area): Storage | null {
  try {
    return area === "local" ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

function read(area: Area, key: string): string | null {
  try {
    return storageOf(area)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** The stored value and an updater that receives the freshest stored value (not a stale render's). */
export function useStoredValue(
  area: Area,
  key: string,
): [string | null, (next: (current: string | null) => string) => string] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(area, key),
    () => null,
  );
  const update = useCallback(
    (next: (current: string | null) => string) => {
      const written = next(read(area, key));
      try {
        storageOf(area)?.setItem(key, written);
      } catch {
        // Storage full or blocked: the caller still gets the value, it is just not kept.
      }
      window.dispatchEvent(new Event(CHANGED));
      return written;
    },
    [area, key],
  );
  return [value, update];
}
