"use client";

import { useEffect, useRef, useState } from "react";

/** Whether a key press is someone typing (text fields), where single-key shortcuts must not fire. */
function isTyping(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  if (target instanceof HTMLInputElement)
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(target.type);
  return false;
}

/**
 * Page-wide single-key shortcuts. The listener is attached once and always calls the latest
 * `onKey`, so it never sees stale state; it skips key presses in text fields and with Ctrl, Meta
 * or Alt (the browser's own shortcuts). Returns true once attached (after hydration): pages put
 * that on an attribute that tests and scripts wait for before pressing keys.
 */
export function useShortcuts(onKey: (event: KeyboardEvent) => void): boolean {
  const latest = useRef(onKey);
  useEffect(() => {
    latest.current = onKey;
  });
  const [ready, setReady] = useState(false);
  useEffect(() => {
    function listener(event: KeyboardEvent) {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      latest.current(event);
    }
    window.addEventListener("keydown", listener);
    setReady(true);
    return () => window.removeEventListener("keydown", listener);
  }, []);
  return ready;
}
