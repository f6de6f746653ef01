import { formatCount } from "../format";
import type { SafetyReport } from "./types";

/**
 * Where the items stand. Pending and escalated items are counted apart: the rates below are over
 * decided items only, never counting an undecided item as "no violation".
 */
export function ReportSummary({ items }: { items: SafetyReport["items"] }) {
  const cards: { label: string; value: number }[] = [
    { label: "Total items", value: items.total },
    { label: "Decided", value: items.decided },
    { label: "Decided by a senior", value: items.bySenior },
    { label: "Escalated, awaiting a senior", value: items.escalatedOpen },
    { label: "Pending", value: items.pending },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Items">
      {cards.map((c) => (
        <div key={c.label} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <dt className="text-xs font-medium text-zinc-500">{c.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{formatCount(c.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
