import { formatCount } from "../format";
import { last24Hours } from "./hourly";

const hourFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/** Judgments per hour over the last day, as plain bars; each bar is read out as "hh:mm: n". */
export function HourlyChart({ data, now }: { data: { hour: Date; judgments: number }[]; now: number }) {
  const hours = last24Hours(data, now);
  const peak = Math.max(0, ...hours.map((h) => h.judgments));
  const scale = Math.max(1, peak); // an empty day draws no bars rather than dividing by zero
  const total = hours.reduce((sum, h) => sum + h.judgments, 0);
  return (
    <figure>
      <ol
        aria-label="Judgments per hour, last 24 hours"
        className="flex h-32 items-end gap-1 border-b border-zinc-300 dark:border-zinc-700"
      >
        {hours.map((h) => {
          const label = `${hourFormat.format(h.start)}: ${formatCount(h.judgments)} judgments`;
          return (
            <li key={h.start.getTime()} title={label} className="flex h-full flex-1 items-end">
              <span className="sr-only">{label}</span>
              <span
                aria-hidden="true"
                className="w-full rounded-t bg-indigo-500 dark:bg-indigo-400"
                style={{ height: `${(h.judgments / scale) * 100}%`, minHeight: h.judgments > 0 ? 2 : 0 }}
              />
            </li>
          );
        })}
      </ol>
      <figcaption className="mt-1 flex justify-between text-xs text-zinc-500">
        <span>{hourFormat.format(hours[0]!.start)}</span>
        <span>
          {formatCount(total)} judgments in 24 h · peak {formatCount(peak)}/h
        </span>
        <span>now</span>
      </figcaption>
    </figure>
  );
}
