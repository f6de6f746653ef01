/** A prompt's tags as small chips. */
export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Tags">
      {tags.map((t) => (
        <li
          key={t}
          className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
        >
          {t}
        </li>
      ))}
    </ul>
  );
}
