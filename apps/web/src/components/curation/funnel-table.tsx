import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { formatAgreement, formatCount, formatMs, formatShare } from "./format-curation";
import type { AuditGroup, FunnelStep } from "./types";

/**
 * The funnel in numbers: what each stage dropped or could not read, what is left, the projection,
 * and — once members have audited the filters — how many of each stage's drops they would drop
 * too (its precision), and how many kept items they would have dropped (the kept set's miss rate).
 */
export function FunnelTable({
  total,
  funnel,
  projected,
  audit = null,
}: {
  total: number;
  funnel: FunnelStep[];
  projected: FunnelStep[] | null;
  /** The latest audit's findings by group (a stage id, "dedup" or "kept"). */
  audit?: ReadonlyMap<string, AuditGroup> | null;
}) {
  // Where the time goes: each stage's mean measuring time (runs recorded before timings have none).
  const timed = funnel.some((s) => s.msPerItem !== undefined);
  const audited = (group: string) => {
    const g = audit?.get(group);
    return g ? formatAgreement(g) : "not sampled";
  };
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass} data-testid="funnel-table">
        <caption className="px-3 py-2 text-left text-sm font-semibold">Funnel</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Stage
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Dropped
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Unreadable
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Remaining
            </th>
            {timed ? (
              <th scope="col" className={`${thClass} text-right`}>
                Time per item
              </th>
            ) : null}
            {projected ? (
              <th scope="col" className={`${thClass} text-right`}>
                Projected remaining
              </th>
            ) : null}
            {audit ? (
              <th scope="col" className={thClass}>
                Human audit
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" className={`${tdClass} font-normal`}>
              Input
            </th>
            <td className={tdClass} />
            <td className={tdClass} />
            <td className={`${tdClass} text-right tabular-nums`}>{formatCount(total)}</td>
            {timed ? <td className={tdClass} /> : null}
            {projected ? (
              <td className={`${tdClass} text-right tabular-nums`}>{formatCount(total)}</td>
            ) : null}
            {audit ? <td className={tdClass} /> : null}
          </tr>
          {funnel.map((s, i) => {
            const p = projected?.[i];
            return (
              <tr key={s.stage}>
                <th scope="row" className={`${tdClass} font-normal`}>
                  {s.label}
                </th>
                <td className={`${tdClass} text-right tabular-nums`}>{formatCount(s.dropped)}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{formatCount(s.errors)}</td>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {formatCount(s.remaining)} <span className="text-zinc-500">({formatShare(s.share)})</span>
                </td>
                {timed ? (
                  <td className={`${tdClass} text-right tabular-nums`}>
                    {s.msPerItem !== undefined ? formatMs(s.msPerItem) : "–"}
                  </td>
                ) : null}
                {projected ? (
                  <td className={`${tdClass} text-right tabular-nums`}>
                    {p ? (
                      <>
                        {formatCount(p.remaining)}{" "}
                        <span className="text-zinc-500">({formatShare(p.share)})</span>
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                ) : null}
                {audit ? <td className={`${tdClass} text-xs`}>{audited(s.stage)}</td> : null}
              </tr>
            );
          })}
          {audit ? (
            <tr>
              <th scope="row" className={`${tdClass} font-normal`}>
                Kept set
              </th>
              <td className={tdClass} colSpan={3 + (projected ? 1 : 0) + (timed ? 1 : 0)} />
              <td className={`${tdClass} text-xs`}>{audited("kept")}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
