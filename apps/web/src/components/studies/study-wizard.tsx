"use client";

import { useEffect, useRef, useState } from "react";
import { ErrorMessage } from "../error-message";
import { buttonClass, cardClass, secondaryButtonClass } from "../styles";
import { AxesStep } from "./axes-step";
import { ModelsStep } from "./models-step";
import { RatersStep } from "./raters-step";
import { ReviewStep } from "./review-step";
import { StepIndicator } from "./step-indicator";
import { TemplateStep } from "./template-step";
import type { ModelRow, PromptSetRow, StudyTemplate } from "./types";
import { useCreateStudy } from "./use-create-study";
import {
  draftFromTemplate,
  draftToConfig,
  stepProblems,
  WIZARD_STEPS,
  type WizardDraft,
} from "./wizard-draft";

/** The pairwise-study wizard: template → models and prompts → questions → raters → review. */
export function StudyWizard({
  projectSlug,
  templates,
  models,
  promptSets,
  studiesHref,
  preset,
  initialDraft,
  draftId,
}: {
  projectSlug: string;
  templates: readonly StudyTemplate[];
  models: ModelRow[];
  promptSets: PromptSetRow[];
  studiesHref: string;
  /** Starting choices, e.g. a finished generation job's model and prompt set. */
  preset?: Pick<WizardDraft, "name" | "modelIds" | "promptSetIds">;
  /** Editing a saved draft: its design, and its id (saving updates it instead of creating). */
  initialDraft?: WizardDraft;
  draftId?: string;
}) {
  const [draft, setDraft] = useState<WizardDraft>(
    () => initialDraft ?? { ...draftFromTemplate(templates[0]!), ...preset },
  );
  const [step, setStep] = useState(0);
  const [showProblems, setShowProblems] = useState(false);
  const creation = useCreateStudy(projectSlug, draftId);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Moving between steps puts keyboard and screen-reader focus on the new step's heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const patch = (p: Partial<WizardDraft>) => setDraft((d) => ({ ...d, ...p }));
  const problems = stepProblems(step, draft);
  const template = templates.find((t) => t.id === draft.templateId) ?? templates[0]!;
  const last = step === WIZARD_STEPS.length - 1;
  const locked = creation.result !== null; // once created, the design is no longer the wizard's

  function go(to: number) {
    setShowProblems(false);
    setStep(to);
  }
  function next() {
    if (problems.length > 0) {
      setShowProblems(true);
      return;
    }
    go(step + 1);
  }

  return (
    <div>
      <StepIndicator steps={WIZARD_STEPS} current={step} onOpen={locked ? undefined : go} />
      <section aria-labelledby="wizard-step-title" className={`${cardClass} p-5`}>
        <h2
          id="wizard-step-title"
          ref={heading}
          tabIndex={-1}
          className="mb-4 text-lg font-semibold outline-none"
        >
          Step {step + 1} of {WIZARD_STEPS.length}: {WIZARD_STEPS[step]}
        </h2>
        {step === 0 ? (
          <TemplateStep
            name={draft.name}
            onName={(name) => patch({ name })}
            templates={templates}
            templateId={draft.templateId}
            onTemplate={(t) => setDraft((d) => draftFromTemplate(t, d))}
          />
        ) : step === 1 ? (
          <ModelsStep draft={draft} onChange={patch} models={models} promptSets={promptSets} />
        ) : step === 2 ? (
          <AxesStep axes={draft.axes} onChange={(axes) => patch({ axes })} />
        ) : step === 3 ? (
          <RatersStep draft={draft} onChange={patch} />
        ) : (
          <ReviewStep
            creation={creation}
            name={draft.name.trim()}
            config={draftToConfig(draft)}
            templateName={template.name}
            models={models}
            promptSets={promptSets}
            studiesHref={studiesHref}
          />
        )}
        {showProblems && problems.length > 0 ? (
          <div className="mt-4">
            <ErrorMessage>{problems.join(" ")}</ErrorMessage>
          </div>
        ) : null}
        {locked ? null : (
          <div className="mt-6 flex justify-between gap-2 border-t border-zinc-100 pt-4 dark:border-zinc-800">
            <button
              type="button"
              onClick={() => go(step - 1)}
              disabled={step === 0 || creation.pending}
              className={secondaryButtonClass}
            >
              ← Back
            </button>
            {last ? null : (
              <button type="button" onClick={next} className={buttonClass}>
                Next →
              </button>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
