"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { ErrorMessage } from "../error-message";
import { InstructionsEditor } from "../studies/instructions-editor";
import { buttonClass, cardClass, inputClass, labelClass, linkClass } from "../styles";
import { ConsensusFields } from "./consensus-fields";
import { ExposureFields } from "./exposure-fields";
import { hintClass } from "../styles";
import { safetyHrefs } from "./hrefs";
import { ModelPicker } from "../model-picker";
import { PrescreenFields } from "./prescreen-fields";
import { PromptSetPicker } from "./prompt-set-picker";
import { RepresentationFields } from "./representation-fields";
import { ReviewerPicker } from "./reviewer-picker";
import { draftToConfig, initialDraft, type SafetyReviewDraft } from "./safety-review-draft";
import type { EvaluationRunRow, ModelRow, Policy, PromptSetRow, ReviewerCandidate } from "./types";
import { useCreateSafetyReview } from "./use-create-safety-review";

const sectionClass = `${cardClass} space-y-6 p-5`;

/**
 * One form for a safety review: what is reviewed, by whom, how reviews combine, what protects the
 * reviewers, and their instructions. Submitting creates the study and launches it; the server's
 * checks (enough reviewers for the overlap, a senior reviewer, outputs to review) answer in its
 * own words.
 */
export function NewSafetyReviewForm({
  projectSlug,
  policy,
  models,
  promptSets,
  candidates,
  runs,
}: {
  projectSlug: string;
  policy: Policy;
  models: ModelRow[];
  promptSets: PromptSetRow[];
  candidates: ReviewerCandidate[];
  runs: EvaluationRunRow[];
}) {
  const [draft, setDraft] = useState<SafetyReviewDraft>(() => initialDraft(policy));
  const onChange = (patch: Partial<SafetyReviewDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const { submit, error, draftId, pending } = useCreateSafetyReview(projectSlug);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit(draft.name, draftToConfig(draft, policy.version));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6" aria-label="New safety review">
      <div className={sectionClass}>
        <div className="max-w-lg">
          <label htmlFor="safety-name" className={labelClass}>
            Name
          </label>
          <input
            id="safety-name"
            required
            maxLength={200}
            value={draft.name}
            onChange={(e) => onChange({ name: e.target.value })}
            className={inputClass}
            aria-describedby="safety-name-hint"
          />
          <p id="safety-name-hint" className={hintClass}>
            Reviewers never see it (names often carry the models under review); they see &ldquo;Safety review
            n&rdquo;.
          </p>
        </div>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <PromptSetPicker
            promptSets={promptSets}
            selected={draft.promptSetIds}
            onChange={(promptSetIds) => onChange({ promptSetIds })}
          />
          <ModelPicker
            models={models}
            selected={draft.modelIds}
            onChange={(modelIds) => onChange({ modelIds })}
          />
        </div>
      </div>

      <div className={sectionClass}>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <ReviewerPicker
            legend="Reviewers"
            hint="They label each item they are served against the policy."
            candidates={candidates}
            selected={draft.reviewerUserIds}
            onChange={(reviewerUserIds) => onChange({ reviewerUserIds })}
          />
          <ReviewerPicker
            legend="Senior reviewers"
            hint="They decide escalated items; their decision is final. At least one."
            candidates={candidates}
            selected={draft.seniorReviewerUserIds}
            onChange={(seniorReviewerUserIds) => onChange({ seniorReviewerUserIds })}
          />
        </div>
        <ConsensusFields draft={draft} onChange={onChange} severities={policy.severities} />
        <p className={hintClass}>
          Reviews use policy version {policy.version} (
          <Link href={safetyHrefs(projectSlug).policy} className={linkClass}>
            edit the policy
          </Link>{" "}
          before creating the review to change it).
        </p>
      </div>

      <div className={sectionClass}>
        <RepresentationFields draft={draft} onChange={onChange} />
        <PrescreenFields draft={draft} onChange={onChange} runs={runs} />
        <ExposureFields draft={draft} onChange={onChange} />
      </div>

      <div className={sectionClass}>
        <InstructionsEditor
          value={draft.instructions}
          onChange={(instructions) => onChange({ instructions })}
          audience="reviewers before their first item"
        />
      </div>

      <div className="space-y-3">
        <ErrorMessage>{error}</ErrorMessage>
        {error && draftId ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The review was saved as a draft (
            <Link href={safetyHrefs(projectSlug).report(draftId)} className={linkClass}>
              open it
            </Link>
            ); fix the problem and submit again to launch it.
          </p>
        ) : null}
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Creating…" : "Create and launch"}
        </button>
      </div>
    </form>
  );
}
