"use client";

import { useId } from "react";
import { KeyHint } from "./key-hint";

export type Choice = { value: string; label: string; key?: string | null; description?: string };

/**
 * A radio group named `name` (its accessible name), each radio named by its label. Keys, when
 * given, are shown beside the labels (the page handles them). Severity and every
 * representation question are one of these.
 */
export function ChoiceGroup({
  name,
  choices,
  value,
  onChoose,
  disabled = false,
  active = false,
  hint,
}: {
  name: string;
  choices: readonly Choice[];
  value: string | null | undefined;
  onChoose: (value: string) => void;
  disabled?: boolean;
  /** Highlighted as the group that takes the keys now. */
  active?: boolean;
  /** A line under the name (why the group is disabled, what the keys do). */
  hint?: string;
}) {
  const id = useId();
  return (
    <div
      role="radiogroup"
      aria-labelledby={`${id}-name`}
      aria-disabled={disabled || undefined}
      data-active={active}
      className={`rounded-md border px-3 py-2 ${
        active
          ? "border-indigo-500 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-950/40"
          : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <p className="text-sm">
        <span id={`${id}-name`} className="font-semibold">
          {name}
        </span>
        {hint ? <span className="ml-2 text-xs text-zinc-500">{hint}</span> : null}
      </p>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {choices.map((c) => (
          <label
            key={c.value}
            title={c.description || undefined}
            className={`flex items-center gap-1.5 text-sm ${disabled ? "text-zinc-400 dark:text-zinc-600" : "cursor-pointer"}`}
          >
            <input
              type="radio"
              name={id}
              value={c.value}
              checked={value === c.value}
              disabled={disabled}
              onChange={() => onChoose(c.value)}
              aria-keyshortcuts={c.key ?? undefined}
              className="accent-indigo-600"
            />
            {c.label}
            {c.key ? <KeyHint>{c.key.toUpperCase()}</KeyHint> : null}
          </label>
        ))}
      </div>
    </div>
  );
}
