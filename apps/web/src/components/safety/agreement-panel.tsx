import { formatCount } from "../format";
import { describeAlpha } from "./agreement-words";
import type { Agreement, SafetyReport } from "./types";

function AlphaCard({ name, agreement }: { name: string; agreement: Agreement }) {
  const defined = agreement.alpha !== null && Number.isFinite(agreement.alpha);
  return (
    <div className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <dt className="text-xs font-medium text-zinc-500">{name}</dt>
      <dd
        className={
          defined ? "text-xl font-semibold tabular-nums" : "text-sm text-zinc-600 dark:text-zinc-400"
        }
      >
        {describeAlpha(agreement)}
      </dd>
      {agreement.interval ? (
        <dd className="text-xs text-zinc-500 tabular-nums">
          95% interval {agreement.interval[0].toFixed(2)} to {agreement.interval[1].toFixed(2)}
        </dd>
      ) : null}
      <dd className="text-xs text-zinc-500">{formatCount(agreement.items)} items with two or more reviews</dd>
    </div>
  );
}

/**
 * How far reviewers agree beyond chance: Krippendorff's α (nominal) on the verdict (any violation
 * or none) and on each category (present or not), over items with two or more reviews.
 */
export function AgreementPanel({ report }: { report: SafetyReport }) {
  const { verdict, categories } = report.agreement;
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Krippendorff's α">
      <AlphaCard name="Verdict (any violation)" agreement={verdict} />
      {report.categories.map((c) => {
        const agreement = categories[c.id];
        return agreement ? <AlphaCard key={c.id} name={c.label} agreement={agreement} /> : null;
      })}
    </dl>
  );
}
