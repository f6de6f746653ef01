"use client";

import { ROLE_HINTS, ROLES, type Role } from "./roles";

/** A native select of project roles, each with what it adds. */
export function RoleSelect({
  id,
  value,
  onChange,
  label,
  hideLabel = false,
  disabled = false,
}: {
  id: string;
  value: Role;
  onChange: (role: Role) => void;
  label: string;
  hideLabel?: boolean;
  disabled?: boolean;
}) {
  return (
    <>
      <label
        htmlFor={id}
        className={hideLabel ? "sr-only" : "mb-1 block text-sm font-medium text-zinc-700 dark:text-zinc-300"}
      >
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as Role)}
        className="block w-full rounded-md border border-zinc-300 bg-white py-1.5 pr-8 pl-2 text-sm disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r} ({ROLE_HINTS[r]})
          </option>
        ))}
      </select>
    </>
  );
}
