"use client";

import Link from "next/link";
import { ErrorMessage } from "../error-message";
import { buttonClass, linkClass, secondaryButtonClass } from "../styles";
import { ConfigSummary } from "./config-summary";
import { LaunchReportView } from "./launch-report";
import type { ModelRow, PairwiseConfigInput, PromptSetRow } from "./types";
import type { useCreateStudy } from "./use-create-study";

/**
 * Step 5: the design read back, then "Create draft" or "Create and launch" ("Save …" when editing
 * a draft), and what came of it.
 */
export function ReviewStep({
  creation,
  name,
  config,
  templateName,
  models,
  promptSets,
  studiesHref,
}: {
  creation: ReturnType<typeof useCreateStudy>;
  name: string;
  config: PairwiseConfigInput;
  templateName: string;
  models: ModelRow[];
  promptSets: PromptSetRow[];
  studiesHref: string;
}) {
  const { run, result, error, pending, editing } = creation;
  const studyHref = result ? `${studiesHref}/${encodeURIComponent(result.studyId)}` : null;
  return (
    <div className="space-y-5">
      <h3 className="text-lg font-semibold">{name}</h3>
      <ConfigSummary config={config} templateName={templateName} models={models} promptSets={promptSets} />
      {result ? null : (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={pending}
            onClick={() => run(name, config, false)}
            className={secondaryButtonClass}
          >
            {editing ? "Save draft" : "Create draft"}
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() => run(name, config, true)}
            className={buttonClass}
          >
            {pending ? "Working…" : editing ? "Save and launch" : "Create and launch"}
          </button>
        </div>
      )}
      <ErrorMessage>{error}</ErrorMessage>
      <div aria-live="polite" className="space-y-3">
        {result ? (
          <p className="text-sm">
            {result.report ? "The study is running." : "The study was saved as a draft."}{" "}
            <Link href={studyHref ?? studiesHref} className={linkClass}>
              Open the study
            </Link>
          </p>
        ) : null}
        {result?.report ? <LaunchReportView report={result.report} /> : null}
      </div>
    </div>
  );
}
