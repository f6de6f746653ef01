"use client";

import { useId, type RefObject } from "react";
import { inputClass } from "../styles";

/**
 * The reviewer's optional note. Shortcuts do not fire while typing here (the page ignores keys
 * from text fields); Escape hands the keyboard back to the shortcuts.
 */
export function NoteField({
  value,
  onChange,
  field,
}: {
  value: string;
  onChange: (note: string) => void;
  field: RefObject<HTMLTextAreaElement | null>;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="text-sm font-semibold">
        Note
      </label>{" "}
      <span className="text-xs text-zinc-500">
        optional · <kbd>M</kbd> to write, <kbd>Esc</kbd> to leave
      </span>
      <textarea
        id={id}
        ref={field}
        value={value}
        maxLength={2000}
        rows={2}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
        className={`${inputClass} mt-1`}
      />
    </div>
  );
}
