import { formatCount } from "../format";
import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { RateCell } from "./rate-cell";
import type { RepresentationAttribute } from "./types";

/**
 * One audited attribute: per model, the share of reviews giving each value (reviews, not items:
 * every reviewer's reading counts), with 95% Wilson intervals.
 */
export function RepresentationTable({ attribute }: { attribute: RepresentationAttribute }) {
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass}>
        <caption className="px-3 pt-2 text-left text-sm font-medium">
          {attribute.label}: share of reviews per value
        </caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Model
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Reviews
            </th>
            {attribute.values.map((v) => (
              <th key={v} scope="col" className={`${thClass} text-right`}>
                {v}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {attribute.models.map((m) => (
            <tr key={m.modelId}>
              <th scope="row" className={`${tdClass} font-medium`}>
                {m.name}
              </th>
              <td className={`${tdClass} text-right tabular-nums`}>{formatCount(m.reviews)}</td>
              {attribute.values.map((v) => {
                const rate = m.values[v];
                return rate ? (
                  <RateCell key={v} rate={rate} />
                ) : (
                  <td key={v} className={`${tdClass} text-right`}>
                    —
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
