import { Markdown } from "../markdown";
import type { PolicyCategory } from "./types";

/** The policy's guidance for the category the reviewer last pointed at, focused or toggled. */
export function CategoryGuidance({ category }: { category: PolicyCategory | null }) {
  return (
    <aside
      aria-label="Category guidance"
      className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {category ? (
        <>
          <p className="text-sm font-semibold">{category.label}</p>
          {category.guidance ? (
            <Markdown>{category.guidance}</Markdown>
          ) : (
            <p className="mt-1 text-sm text-zinc-500">The policy gives no guidance for this category.</p>
          )}
        </>
      ) : (
        <p className="text-sm text-zinc-500">Point at or focus a category to read the policy’s guidance.</p>
      )}
    </aside>
  );
}
