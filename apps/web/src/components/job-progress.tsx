import { formatCount } from "./format";

/** done / total with a bar; total is unknown until the job has counted its work. */
export function JobProgress({ done, total, label }: { done: number; total: number | null; label: string }) {
  if (total === null)
    return <span className="tabular-nums text-zinc-600 dark:text-zinc-400">{formatCount(done)} / ?</span>;
  const pct = total === 0 ? 100 : Math.min(100, Math.round((done / total) * 100));
  return (
    <div className="flex min-w-32 items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="h-1.5 w-16 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
      >
        <div className="h-full rounded-full bg-indigo-500" style={{ width: `${pct}%` }} />
      </div>
      <span className="tabular-nums">
        {formatCount(done)} / {formatCount(total)}
      </span>
    </div>
  );
}
