import { formatCount } from "../format";

/** How often raters skipped a task, by the reason they gave. */
export function SkipList({ skips }: { skips: { reason: string; count: number }[] }) {
  if (skips.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No skips.</p>;
  const sorted = [...skips].sort((a, b) => b.count - a.count);
  return (
    <ul className="space-y-1 text-sm">
      {sorted.map((s) => (
        <li key={s.reason} className="flex max-w-md justify-between gap-4">
          <span>{s.reason || "no reason given"}</span>
          <span className="tabular-nums">{formatCount(s.count)}</span>
        </li>
      ))}
    </ul>
  );
}
