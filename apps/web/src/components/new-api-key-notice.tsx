"use client";

import { useRef, useState } from "react";
import { buttonClass, secondaryButtonClass } from "./styles";

/** The one time a new key is visible: copy it now, it cannot be shown again. */
export function NewApiKeyNotice({
  name,
  apiKey,
  onDone,
}: {
  name: string;
  apiKey: string;
  onDone: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied("yes");
    } catch {
      input.current?.select();
      setCopied("failed");
    }
  }

  return (
    <section
      aria-labelledby="new-key-title"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950/50"
    >
      <h3 id="new-key-title" className="font-semibold text-amber-900 dark:text-amber-100">
        New API key “{name}”
      </h3>
      <p className="mt-1 text-sm text-amber-900 dark:text-amber-100">
        Copy this key now and store it somewhere safe. <strong>It is shown only once</strong>: Loupe keeps
        only a hash of it and cannot show it again. If you lose it, revoke it and create another.
      </p>
      <div className="mt-3 flex items-center gap-2">
        <label htmlFor="new-api-key" className="sr-only">
          The new API key
        </label>
        <input
          id="new-api-key"
          ref={input}
          readOnly
          value={apiKey}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full max-w-xl rounded-md border border-amber-300 bg-white px-2.5 py-1.5 font-mono text-sm dark:border-amber-700 dark:bg-zinc-900"
        />
        <button type="button" onClick={copy} className={buttonClass}>
          Copy
        </button>
        <button type="button" onClick={onDone} className={secondaryButtonClass}>
          Done
        </button>
      </div>
      <p className="mt-2 text-xs text-amber-900 dark:text-amber-100" aria-live="polite">
        {copied === "yes"
          ? "Copied to the clipboard."
          : copied === "failed"
            ? "Could not copy; the key is selected — press Ctrl+C."
            : ""}
      </p>
      <p className="mt-1 text-xs text-amber-900/80 dark:text-amber-100/80">
        Use it as <code>Authorization: Bearer &lt;key&gt;</code> on <code>/api/v1</code>.
      </p>
    </section>
  );
}
