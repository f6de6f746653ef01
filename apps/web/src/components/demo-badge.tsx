/** Marks a project whose contents are generated demo data, not real model outputs. */
export function DemoBadge() {
  return (
    <span className="inline-flex shrink-0 items-center rounded-full whitespace-nowrap border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-800 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
      Demo data
    </span>
  );
}
