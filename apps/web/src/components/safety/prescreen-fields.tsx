import { formatDateTime } from "../format";
import { inputClass, labelClass } from "../styles";
import { hintClass, legendClass, noneClass, optionClass } from "../styles";
import type { SafetyReviewDraft } from "./safety-review-draft";
import type { EvaluationRunRow } from "./types";

type Patch = Partial<SafetyReviewDraft>;

const SCOPES: Record<string, string> = {
  study: "a study",
  "prompt-set": "a prompt set",
  "generation-job": "a generation job",
};

const runLabel = (r: EvaluationRunRow) =>
  `${r.metrics.join(", ")} · outputs of ${SCOPES[r.scope] ?? r.scope} · ${formatDateTime(r.finishedAt ?? r.createdAt)}`;

/**
 * Optional pre-screening: a finished evaluation run's scores (an NSFW classifier, the OCR text
 * detector, …) order the queue so likely violations are reviewed first. Every item is still
 * reviewed; the score only sets the order.
 */
export function PrescreenFields({
  draft,
  onChange,
  runs,
}: {
  draft: SafetyReviewDraft;
  onChange: (patch: Patch) => void;
  runs: EvaluationRunRow[];
}) {
  // Only a finished run has the scores to order by.
  const finished = runs.filter((r) => r.status === "done");
  const run = finished.find((r) => r.id === draft.prescreenRunId);
  return (
    <fieldset className="space-y-3">
      <legend className={legendClass}>Pre-screening (optional)</legend>
      <label className={optionClass}>
        <input
          type="checkbox"
          checked={draft.prescreen}
          onChange={(e) => onChange({ prescreen: e.target.checked })}
        />
        Order the queue by an evaluation&rsquo;s scores
      </label>
      {draft.prescreen ? (
        finished.length === 0 ? (
          <p className={`${noneClass} pl-6`}>
            No finished evaluation run in this project; start one in Metrics, then come back.
          </p>
        ) : (
          <div className="grid max-w-3xl grid-cols-1 gap-3 pl-6 md:grid-cols-2">
            <div className="md:col-span-2">
              <label htmlFor="safety-prescreen-run" className={labelClass}>
                Evaluation run
              </label>
              <select
                id="safety-prescreen-run"
                value={draft.prescreenRunId}
                onChange={(e) => {
                  const next = finished.find((r) => r.id === e.target.value);
                  onChange({ prescreenRunId: e.target.value, prescreenMetric: next?.metrics[0] ?? "" });
                }}
                className={inputClass}
              >
                <option value="">Choose a run…</option>
                {finished.map((r) => (
                  <option key={r.id} value={r.id}>
                    {runLabel(r)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="safety-prescreen-metric" className={labelClass}>
                Metric
              </label>
              <select
                id="safety-prescreen-metric"
                value={draft.prescreenMetric}
                onChange={(e) => onChange({ prescreenMetric: e.target.value })}
                className={inputClass}
                disabled={!run}
              >
                {run ? null : <option value="">Choose a run first</option>}
                {(run?.metrics ?? []).map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </div>
            <fieldset>
              <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">Order</legend>
              <label className={optionClass}>
                <input
                  type="radio"
                  name="safety-prescreen-order"
                  checked={draft.prescreenOrder === "high-first"}
                  onChange={() => onChange({ prescreenOrder: "high-first" })}
                />
                High scores first
              </label>
              <label className={optionClass}>
                <input
                  type="radio"
                  name="safety-prescreen-order"
                  checked={draft.prescreenOrder === "low-first"}
                  onChange={() => onChange({ prescreenOrder: "low-first" })}
                />
                Low scores first
              </label>
            </fieldset>
            <p className={`${hintClass} md:col-span-2`}>
              Pick the end of the score where violations are likely: high for an NSFW probability or a text
              area, low for a similarity to a safe reference.
            </p>
          </div>
        )
      ) : null}
    </fieldset>
  );
}
