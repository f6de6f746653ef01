/** Class names shared by forms and tables, so every control looks and focuses the same way. */

export const buttonClass =
  "inline-flex items-center justify-center gap-2 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-60 dark:bg-indigo-500 dark:hover:bg-indigo-400";

export const secondaryButtonClass =
  "inline-flex items-center justify-center gap-2 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 shadow-sm hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800";

export const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md border border-red-300 bg-white px-2.5 py-1 text-sm font-medium text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-red-900 dark:bg-zinc-900 dark:text-red-300 dark:hover:bg-red-950";

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500";

export const labelClass = "mb-1 block text-sm font-medium text-zinc-700 dark:text-zinc-300";

export const linkClass =
  "font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300";

export const cardClass = "rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900";

export const tableClass = "w-full border-collapse text-left text-sm";
export const thClass =
  "border-b border-zinc-200 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:text-zinc-400";
export const tdClass = "border-b border-zinc-100 px-3 py-2 align-top dark:border-zinc-800/70";

/** Fieldsets of checkboxes and radios in forms: the legend, one option, a hint, "none yet". */
export const legendClass = "mb-2 text-sm font-semibold text-zinc-800 dark:text-zinc-200";
export const optionClass = "flex items-center gap-2 text-sm";
export const hintClass = "mt-1 text-xs text-zinc-500 dark:text-zinc-400";
export const noneClass = "text-sm text-zinc-600 dark:text-zinc-400";
