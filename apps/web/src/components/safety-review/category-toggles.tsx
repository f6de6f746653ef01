"use client";

import { useId } from "react";
import { KeyHint } from "./key-hint";
import type { PolicyCategory } from "./types";

/**
 * One toggle per policy category: a button with the checkbox role, named by the category's label
 * and described by its guidance. Pointing at or focusing one asks for its guidance
 * (`onShowGuidance`); `keys`, when given, are shown on the toggles in order (the page handles them).
 */
export function CategoryToggles({
  categories,
  labels,
  onToggle,
  onShowGuidance,
  keys = [],
}: {
  categories: readonly PolicyCategory[];
  labels: readonly string[];
  onToggle: (categoryId: string) => void;
  onShowGuidance: (categoryId: string) => void;
  keys?: readonly string[];
}) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={`${id}-legend`}>
      <p id={`${id}-legend`} className="mb-1.5 text-sm font-semibold">
        Policy labels
      </p>
      <div className="flex flex-wrap gap-1.5">
        {categories.map((c, i) => {
          const checked = labels.includes(c.id);
          const key = keys[i];
          return (
            <button
              key={c.id}
              type="button"
              role="checkbox"
              aria-checked={checked}
              aria-describedby={c.guidance ? `${id}-${c.id}` : undefined}
              aria-keyshortcuts={key}
              onClick={() => onToggle(c.id)}
              onFocus={() => onShowGuidance(c.id)}
              onMouseEnter={() => onShowGuidance(c.id)}
              className={`flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-sm ${
                checked
                  ? "border-red-600 bg-red-600 text-white dark:border-red-400 dark:bg-red-500"
                  : "border-zinc-300 bg-white hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
              }`}
            >
              <span aria-hidden className="text-xs">
                {checked ? "☑" : "☐"}
              </span>
              {c.label}
              {key ? <KeyHint className={checked ? "text-red-100" : "text-zinc-500"}>{key}</KeyHint> : null}
              {c.guidance ? (
                <span id={`${id}-${c.id}`} hidden>
                  {c.guidance}
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
    </div>
  );
}
