import { formatCount } from "../format";
import { cardClass, tableClass, tdClass, thClass } from "../styles";
import type { ReportModel, SafetyReport } from "./types";

/** The severity chart's numbers: violating items per model and final severity. */
export function SeverityTable({
  models,
  severities,
}: {
  models: ReportModel[];
  severities: SafetyReport["severities"];
}) {
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass}>
        <caption className="px-3 pt-2 text-left text-sm font-medium">Violating items by severity</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Model
            </th>
            {severities.map((s) => (
              <th key={s.id} scope="col" className={`${thClass} text-right`}>
                {s.label}
              </th>
            ))}
            <th scope="col" className={`${thClass} text-right`}>
              Decided items
            </th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.modelId}>
              <th scope="row" className={`${tdClass} font-medium`}>
                {m.name}
              </th>
              {severities.map((s) => (
                <td key={s.id} className={`${tdClass} text-right tabular-nums`}>
                  {formatCount(m.severities[s.id] ?? 0)}
                </td>
              ))}
              <td className={`${tdClass} text-right tabular-nums`}>{formatCount(m.decided)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
