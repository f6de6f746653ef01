"use client";

import type { RefObject } from "react";
import { CategoryGuidance } from "./category-guidance";
import { CategoryToggles } from "./category-toggles";
import { ChoiceGroup } from "./choice-group";
import { KeyHint } from "./key-hint";
import { NoteField } from "./note-field";
import { describeLabelling } from "./policy-names";
import { RepresentationQuestions } from "./representation-questions";
import type { ReviewDraft } from "./review-form";
import { CATEGORY_KEYS, SEVERITY_KEYS } from "./review-keys";
import type { Policy, PolicyCategory, RepresentationAttribute } from "./types";

/** Everything a reviewer answers about one item, each control with its key. */
export function ReviewAnswerPanel({
  policy,
  draft,
  attributes,
  representationIndex,
  guidance,
  noteField,
  onToggle,
  onShowGuidance,
  onSeverity,
  onNoViolation,
  onAnswer,
  onNote,
}: {
  policy: Policy;
  draft: ReviewDraft;
  /** The representation questions; empty when the item is not audited. */
  attributes: readonly RepresentationAttribute[];
  representationIndex: number | null;
  guidance: PolicyCategory | null;
  noteField: RefObject<HTMLTextAreaElement | null>;
  onToggle: (categoryId: string) => void;
  onShowGuidance: (categoryId: string) => void;
  onSeverity: (severityId: string) => void;
  onNoViolation: () => void;
  onAnswer: (attributeId: string, value: string) => void;
  onNote: (note: string) => void;
}) {
  const labelled = draft.labels.length > 0;
  return (
    <div className="space-y-3">
      <CategoryToggles
        categories={policy.categories}
        labels={draft.labels}
        onToggle={onToggle}
        onShowGuidance={onShowGuidance}
        keys={CATEGORY_KEYS}
      />
      <CategoryGuidance category={guidance} />
      <ChoiceGroup
        name="Severity"
        value={draft.severity}
        disabled={!labelled}
        hint={labelled ? undefined : "Choose a category first"}
        onChoose={onSeverity}
        choices={policy.severities.map((s, i) => ({
          value: s.id,
          label: s.label,
          description: s.description,
          key: SEVERITY_KEYS[i],
        }))}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={onNoViolation}
          aria-keyshortcuts="n"
          className="rounded-md border border-emerald-600 px-3 py-1.5 text-sm font-medium text-emerald-800 hover:bg-emerald-50 dark:border-emerald-500 dark:text-emerald-300 dark:hover:bg-emerald-950/40"
        >
          No violation
          <KeyHint>N</KeyHint>
        </button>
        <p className="text-sm" data-testid="decision">
          <span className="text-zinc-500">Your review:</span> {describeLabelling(policy, draft)}
        </p>
      </div>
      {attributes.length > 0 ? (
        <RepresentationQuestions
          attributes={attributes}
          answers={draft.representation}
          activeIndex={representationIndex}
          onAnswer={onAnswer}
        />
      ) : null}
      <NoteField value={draft.note} onChange={onNote} field={noteField} />
    </div>
  );
}
