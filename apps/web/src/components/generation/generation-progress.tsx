import { formatCount } from "../format";
import { formatEta, formatRate } from "./eta";

export type GenerationProgressData = {
  done: number;
  failed: number;
  total: number;
  perSecond: number | null;
  etaSeconds: number | null;
};

/** Done and failed over the total as one bar (failed in red), with rate and time to go. */
export function GenerationProgress({ progress, label }: { progress: GenerationProgressData; label: string }) {
  const { done, failed, total } = progress;
  const pct = (n: number) => (total === 0 ? 0 : Math.min(100, (n / total) * 100));
  return (
    <div className="min-w-48">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done + failed}
        aria-valuetext={`${done} of ${total} done, ${failed} failed`}
        className="flex h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
      >
        <div className="h-full bg-indigo-500" style={{ width: `${pct(done)}%` }} />
        <div className="h-full bg-red-500" style={{ width: `${pct(failed)}%` }} />
      </div>
      <p className="mt-1 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        {formatCount(done)} / {formatCount(total)} done
        {failed > 0 ? (
          <span className="text-red-700 dark:text-red-300"> · {formatCount(failed)} failed</span>
        ) : null}
        {progress.perSecond !== null
          ? ` · ${formatRate(progress.perSecond)} · ETA ${formatEta(progress.etaSeconds)}`
          : null}
      </p>
    </div>
  );
}
