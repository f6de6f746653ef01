"use client";

import { useId, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { CategoryGuidance } from "../safety-review/category-guidance";
import { CategoryToggles } from "../safety-review/category-toggles";
import { ChoiceGroup } from "../safety-review/choice-group";
import { chooseSeverity, labellingProblem, toggleLabel, type Labelling } from "../safety-review/review-form";
import type { Policy } from "../safety-review/types";
import { buttonClass, inputClass } from "../styles";

/** The server's minimum (escalations.ts): a decision without a reason cannot be audited. */
const MIN_REASON = 3;

/**
 * The senior reviewer's final decision on one escalated item: labels, severity (when labelled)
 * and the reason, required. Checked here as the server checks it; the server's refusals (someone
 * decided first, a label outside the policy) are shown as they come.
 */
export function DecisionForm({
  studyId,
  taskId,
  policy,
  onDecided,
}: {
  studyId: string;
  taskId: string;
  policy: Policy;
  onDecided: () => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [labelling, setLabelling] = useState<Labelling>({ labels: [], severity: null });
  const [reason, setReason] = useState("");
  const [guidanceId, setGuidanceId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const resolve = useMutation(trpc.safety.resolve.mutationOptions({ onSuccess: onDecided }));
  const labelled = labelling.labels.length > 0;

  return (
    <form
      aria-label="Final decision"
      // The reason's rules are checked below, so the message reads the same as the server's.
      noValidate
      className="space-y-3 border-t border-zinc-200 pt-3 dark:border-zinc-800"
      onSubmit={(e) => {
        e.preventDefault();
        const missing =
          labellingProblem(labelling) ??
          (reason.trim().length < MIN_REASON ? "Give the reason for the decision." : null);
        setProblem(missing);
        if (missing) return;
        resolve.mutate({ studyId, taskId, ...labelling, reason: reason.trim() });
      }}
    >
      <CategoryToggles
        categories={policy.categories}
        labels={labelling.labels}
        onToggle={(categoryId) => {
          setLabelling((l) => toggleLabel(l, categoryId, policy.categories));
          setGuidanceId(categoryId);
        }}
        onShowGuidance={setGuidanceId}
      />
      {guidanceId ? (
        <CategoryGuidance category={policy.categories.find((c) => c.id === guidanceId) ?? null} />
      ) : null}
      <ChoiceGroup
        name="Severity"
        value={labelling.severity}
        disabled={!labelled}
        hint={labelled ? undefined : "No category: the decision is “no violation”"}
        onChoose={(severityId) => setLabelling((l) => chooseSeverity(l, severityId))}
        choices={policy.severities.map((s) => ({ value: s.id, label: s.label, description: s.description }))}
      />
      <div>
        <label htmlFor={`${id}-reason`} className="text-sm font-semibold">
          Reason
        </label>
        <textarea
          id={`${id}-reason`}
          required
          minLength={MIN_REASON}
          maxLength={2000}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className={`${inputClass} mt-1`}
        />
      </div>
      <ErrorMessage>{problem ?? resolve.error?.message}</ErrorMessage>
      <button type="submit" disabled={resolve.isPending} className={buttonClass}>
        {resolve.isPending ? "Recording…" : "Record final decision"}
      </button>
    </form>
  );
}
