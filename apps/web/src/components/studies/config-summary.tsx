import { formatPercent } from "../format";
import { SCALE_LABELS } from "./answers";
import type { PairwiseConfigInput } from "./types";

type Named = { id: string; name: string };

const dtClass = "text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400";
const ddClass = "mt-0.5 text-sm";

function names(ids: readonly string[] | undefined, all: readonly Named[]): string {
  if (!ids || ids.length === 0) return "none";
  return ids.map((id) => all.find((x) => x.id === id)?.name ?? "(removed)").join(", ");
}

function orNone(value: number | null | undefined, unit = ""): string {
  return value === null || value === undefined ? "none" : `${value}${unit}`;
}

/**
 * A pairwise study's design as a researcher reads it back: used by the wizard's review step and
 * the study page. Takes the config as written (fields the API defaults may be missing).
 */
export function ConfigSummary({
  config,
  templateName,
  models,
  promptSets,
}: {
  config: PairwiseConfigInput;
  templateName: string;
  models: readonly Named[];
  promptSets: readonly Named[];
}) {
  const plan = config.plan ?? { kind: "all-pairs" };
  const qc = config.qualityControl ?? {};
  const planText =
    plan.kind === "baseline"
      ? `each model against ${names([plan.baselineModelId], models)}`
      : plan.kind === "adaptive"
        ? `adaptive, up to ${plan.maxOverlap ?? 9} raters per item, until each pair's net win rate interval is ${Math.round((plan.targetWidth ?? 0.2) * 100)} points wide`
        : "all pairs";
  const checks = [
    qc.minGoldAccuracy != null ? `gold accuracy ≥ ${formatPercent(qc.minGoldAccuracy)}` : null,
    qc.maxTooFastShare != null
      ? `too fast (< ${qc.tooFastSeconds ?? 2} s) ≤ ${formatPercent(qc.maxTooFastShare)}`
      : null,
    qc.maxSameAnswerShare != null ? `same answer ≤ ${formatPercent(qc.maxSameAnswerShare)}` : null,
    qc.minAgreement != null ? `agreement ≥ ${formatPercent(qc.minAgreement)}` : null,
  ].filter((c) => c !== null);
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
      <div>
        <dt className={dtClass}>Template</dt>
        <dd className={ddClass}>{templateName}</dd>
      </div>
      <div>
        <dt className={dtClass}>Models</dt>
        <dd className={`${ddClass} font-mono`}>{names(config.modelIds, models)}</dd>
      </div>
      <div>
        <dt className={dtClass}>Prompt sets</dt>
        <dd className={ddClass}>{names(config.promptSetIds, promptSets)}</dd>
      </div>
      <div>
        <dt className={dtClass}>Comparison plan</dt>
        <dd className={ddClass}>{planText}</dd>
      </div>
      <div>
        <dt className={dtClass}>Raters per item</dt>
        <dd className={ddClass}>{config.overlap ?? 3}</dd>
      </div>
      <div>
        <dt className={dtClass}>Gold items</dt>
        <dd className={ddClass}>{formatPercent(config.goldRatio ?? 0)} of served tasks</dd>
      </div>
      <div>
        <dt className={dtClass}>Cap per rater</dt>
        <dd className={ddClass}>{orNone(config.maxJudgmentsPerRater, " judgments")}</dd>
      </div>
      <div>
        <dt className={dtClass}>Lease · break reminder</dt>
        <dd className={ddClass}>
          {config.leaseSeconds ?? 600} s · {orNone(config.breakEveryMinutes, " min")}
        </dd>
      </div>
      <div>
        <dt className={dtClass}>Quality control</dt>
        <dd className={ddClass}>
          {checks.length === 0 ? "no thresholds" : checks.join("; ")}
          {checks.length > 0 ? ` → ${qc.action ?? "flag"}, after ${qc.minJudgments ?? 10} judgments` : ""}
        </dd>
      </div>
      <div className="sm:col-span-2 lg:col-span-3">
        <dt className={dtClass}>Questions</dt>
        <dd className={ddClass}>
          <ol className="list-decimal space-y-1 pl-5">
            {config.axes.map((a) => (
              <li key={a.id}>
                {a.label ? <span className="font-medium">{a.label}: </span> : null}
                {a.question}{" "}
                <span className="text-xs text-zinc-500">
                  ({SCALE_LABELS[a.scale ?? "ab-tie-bothbad"]}
                  {a.required === false ? ", optional" : ""})
                </span>
              </li>
            ))}
          </ol>
        </dd>
      </div>
    </dl>
  );
}
