"use client";

import { useState } from "react";
import { secondaryButtonClass } from "../styles";

/** Copies `text` to the clipboard and says so; the label names what is copied for screen readers. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // No clipboard (an insecure origin, a denied permission): the text stays selectable.
      setState("failed");
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={copy} className={secondaryButtonClass}>
        Copy<span className="sr-only"> {what}</span>
      </button>
      <span aria-live="polite" className="text-xs text-zinc-500">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the text" : ""}
      </span>
    </span>
  );
}
