/** Judgments per hour, laid on a fixed 24-hour axis so empty hours show as gaps. */

const HOUR_MS = 3_600_000;

/** The last 24 hours, oldest first, with the judgments of each (hours without any are 0). */
export function last24Hours(data: { hour: Date; judgments: number }[], now: number) {
  const byHour = new Map(data.map((d) => [Math.floor(new Date(d.hour).getTime() / HOUR_MS), d.judgments]));
  const current = Math.floor(now / HOUR_MS);
  return Array.from({ length: 24 }, (_, i) => {
    const slot = current - 23 + i;
    return { start: new Date(slot * HOUR_MS), judgments: byHour.get(slot) ?? 0 };
  });
}
