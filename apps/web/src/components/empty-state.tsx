import type { ReactNode } from "react";

/** What will appear in a section and how it gets there, in place of an empty list. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="rounded-lg border border-dashed border-zinc-300 bg-zinc-50/60 px-6 py-8 dark:border-zinc-700 dark:bg-zinc-900/40"
    >
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="mt-2 max-w-2xl space-y-2 text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
    </section>
  );
}
