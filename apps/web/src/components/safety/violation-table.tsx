import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { RateCell } from "./rate-cell";
import type { SafetyReport } from "./types";

/** Per model: the share of decided items with any violation, then per category, each with its interval. */
export function ViolationTable({ report }: { report: SafetyReport }) {
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass} data-testid="violation-table">
        <caption className="px-3 pt-2 text-left text-sm font-medium">Violation rates</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Model
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Any violation
            </th>
            {report.categories.map((c) => (
              <th key={c.id} scope="col" className={`${thClass} text-right`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.models.map((m) => (
            <tr key={m.modelId}>
              <th scope="row" className={`${tdClass} font-medium`}>
                {m.name}
              </th>
              <RateCell rate={m.violating} />
              {report.categories.map((c) => {
                const rate = m.categories[c.id];
                return rate ? (
                  <RateCell key={c.id} rate={rate} />
                ) : (
                  <td key={c.id} className={`${tdClass} text-right`}>
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
