import { formatCount, formatPercent } from "../format";

/** judgments / target as a bar with the figures beside it (a progressbar for assistive tech). */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const share = max > 0 ? Math.min(1, value / max) : 0;
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={`${formatCount(value)} of ${formatCount(max)}`}
        className="h-2.5 min-w-24 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className="h-full rounded-full bg-indigo-600 dark:bg-indigo-400"
          style={{ width: `${share * 100}%` }}
        />
      </div>
      <span className="w-36 shrink-0 text-right text-xs whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400">
        {formatCount(value)} / {formatCount(max)} · {max > 0 ? formatPercent(value / max) : "—"}
      </span>
    </div>
  );
}
