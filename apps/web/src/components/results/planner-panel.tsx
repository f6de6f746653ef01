"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { formatCount } from "../format";
import { cardClass, inputClass, labelClass, tableClass, tdClass, thClass } from "../styles";

type Target =
  { kind: "interval-width"; width: number } | { kind: "detect-net-win-rate"; minimum: number; power: number };

/**
 * "How many more judgments?": for a target width of the net win rate's 95% interval, or a
 * smallest net win rate to detect with a given power, the planner simulates from each pair's
 * current counts (and how clustered by prompt they are) and says how many more each pair needs.
 */
export function PlannerPanel({
  projectSlug,
  studyId,
  axisId,
}: {
  projectSlug: string;
  studyId: string;
  axisId: string;
}) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<Target["kind"]>("interval-width");
  const [percent, setPercent] = useState(10);
  const [power, setPower] = useState(80);
  const valid = Number.isFinite(percent) && percent > 0 && percent < 100 && power > 0 && power < 100;
  const target: Target =
    kind === "interval-width"
      ? { kind, width: percent / 100 }
      : { kind, minimum: percent / 100, power: power / 100 };
  const plan = useQuery({
    ...trpc.results.plan.queryOptions({ projectSlug, studyId, axisId, target }),
    enabled: valid,
  });
  const total = plan.data?.reduce((s, p) => s + (p.additional ?? 0), 0) ?? 0;
  return (
    <div className={`${cardClass} space-y-3 p-4`} data-testid="planner">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="plan-kind" className={labelClass}>
            Target
          </label>
          <select
            id="plan-kind"
            className={inputClass}
            value={kind}
            onChange={(e) => setKind(e.target.value as Target["kind"])}
          >
            <option value="interval-width">Net win rate interval no wider than</option>
            <option value="detect-net-win-rate">Detect a net win rate of at least</option>
          </select>
        </div>
        <div>
          <label htmlFor="plan-percent" className={labelClass}>
            {kind === "interval-width" ? "Width (points of %)" : "Net win rate (%)"}
          </label>
          <input
            id="plan-percent"
            type="number"
            min={1}
            max={99}
            className={`${inputClass} w-24`}
            value={percent}
            onChange={(e) => setPercent(e.target.valueAsNumber)}
          />
        </div>
        {kind === "detect-net-win-rate" ? (
          <div>
            <label htmlFor="plan-power" className={labelClass}>
              Power (%)
            </label>
            <input
              id="plan-power"
              type="number"
              min={1}
              max={99}
              className={`${inputClass} w-24`}
              value={power}
              onChange={(e) => setPower(e.target.valueAsNumber)}
            />
          </div>
        ) : null}
      </div>
      {!valid ? <ErrorMessage>Enter percentages between 1 and 99.</ErrorMessage> : null}
      {plan.isError ? <ErrorMessage>{plan.error.message}</ErrorMessage> : null}
      {plan.data ? (
        <>
          <table className={tableClass} data-testid="plan-table">
            <caption className="sr-only">More judgments needed per pair</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>
                  Pair
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  Judgments now
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  More needed
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.data.map((p) => (
                <tr key={p.key}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {p.modelA} <span className="text-zinc-400">vs</span> {p.modelB}
                  </th>
                  <td className={`${tdClass} text-right tabular-nums`}>{formatCount(p.current)}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>
                    {p.additional === null
                      ? (p.reason?.message ?? "out of reach")
                      : formatCount(p.additional)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-sm" data-testid="plan-total">
            {total === 0
              ? "Every pair already meets the target."
              : `${formatCount(total)} more judgments in all.`}
          </p>
        </>
      ) : null}
    </div>
  );
}
