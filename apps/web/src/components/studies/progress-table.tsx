import type { ReactNode } from "react";
import { formatCount } from "../format";
import { cardClass, tableClass, tdClass, thClass } from "../styles";
import { ProgressBar } from "./progress-bar";

export type ProgressRow = {
  key: string;
  label: ReactNode;
  name: string;
  tasks: number;
  judgments: number;
  target: number;
};

/** Progress of groups of tasks (model pairs, prompts): tasks, and judgments against their target. */
export function ProgressTable({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: ProgressRow[];
}) {
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No tasks yet.</p>;
  return (
    <div className={`${cardClass} max-h-96 overflow-auto`}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              {heading}
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Tasks
            </th>
            <th scope="col" className={`${thClass} w-1/2`}>
              Judgments / target
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className={`${tdClass} font-normal`}>
                {r.label}
              </th>
              <td className={`${tdClass} text-right tabular-nums`}>{formatCount(r.tasks)}</td>
              <td className={tdClass}>
                <ProgressBar value={r.judgments} max={r.target} label={`Progress of ${r.name}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
