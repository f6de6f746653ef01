/** Class names the new-review form's fieldsets share. */
export const legendClass = "mb-2 text-sm font-semibold text-zinc-800 dark:text-zinc-200";
export const optionClass = "flex items-center gap-2 text-sm";
export const hintClass = "mt-1 text-xs text-zinc-500 dark:text-zinc-400";
export const noneClass = "text-sm text-zinc-600 dark:text-zinc-400";
