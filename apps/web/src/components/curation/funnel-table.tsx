import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { formatCount, formatShare } from "./format-curation";
import type { FunnelStep } from "./types";

/** The funnel in numbers: what each stage dropped or could not read, what is left, and the projection. */
export function FunnelTable({
  total,
  funnel,
  projected,
}: {
  total: number;
  funnel: FunnelStep[];
  projected: FunnelStep[] | null;
}) {
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
            {projected ? (
              <th scope="col" className={`${thClass} text-right`}>
                Projected remaining
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
            {projected ? (
              <td className={`${tdClass} text-right tabular-nums`}>{formatCount(total)}</td>
            ) : null}
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
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
