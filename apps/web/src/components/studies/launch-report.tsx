import { formatCount } from "../format";
import type { LaunchReport } from "./types";

/** What launching made: tasks, prompts, and the (prompt, model) cells left out for lack of an output. */
export function LaunchReportView({ report }: { report: LaunchReport }) {
  return (
    <section
      aria-labelledby="launch-report-title"
      data-testid="launch-report"
      className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm dark:border-emerald-900 dark:bg-emerald-950/40"
    >
      <h3 id="launch-report-title" className="font-semibold">
        Launched
      </h3>
      <p className="mt-1">
        {formatCount(report.tasks)} tasks over {formatCount(report.prompts)} prompts.{" "}
        {report.missing === 0
          ? "Every chosen model has an output for every prompt."
          : `${formatCount(report.missing)} prompt–model cells have no output; their comparisons were left out.`}
      </p>
      {report.missingExamples.length > 0 ? (
        <details className="mt-2">
          <summary className="cursor-pointer">
            Missing outputs (first {report.missingExamples.length})
          </summary>
          <ul className="mt-1 list-disc pl-5">
            {report.missingExamples.map((m, i) => (
              <li key={i}>
                <span className="font-mono">{m.model}</span>: {m.prompt}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
