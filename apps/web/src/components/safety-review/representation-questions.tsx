"use client";

import { ChoiceGroup } from "./choice-group";
import { UNSURE } from "./review-form";
import { attributeKeys } from "./review-keys";
import type { RepresentationAttribute } from "./types";

/**
 * The representation audit's questions on an audited item: one radio group per attribute, its
 * values and "Unsure". In representation mode (key A) the active attribute is highlighted and
 * shows the digits that answer it.
 */
export function RepresentationQuestions({
  attributes,
  answers,
  activeIndex,
  onAnswer,
}: {
  attributes: readonly RepresentationAttribute[];
  answers: Record<string, string>;
  activeIndex: number | null;
  onAnswer: (attributeId: string, value: string) => void;
}) {
  return (
    <section aria-label="Representation" className="space-y-2">
      <p className="text-sm font-semibold">
        Representation{" "}
        <span className="font-normal text-zinc-500">
          {activeIndex === null ? (
            <>
              · <kbd>A</kbd> to answer with digits
            </>
          ) : (
            <>
              · answering “{attributes[activeIndex]?.label}” with digits, <kbd>Esc</kbd> to stop
            </>
          )}
        </span>
      </p>
      {attributes.map((attribute, i) => {
        const active = i === activeIndex;
        const keys = attributeKeys(attribute.values.length);
        return (
          <ChoiceGroup
            key={attribute.id}
            name={attribute.label}
            active={active}
            hint={active ? "Active" : undefined}
            value={answers[attribute.id]}
            onChoose={(value) => onAnswer(attribute.id, value)}
            choices={[...attribute.values, UNSURE].map((value, v) => ({
              value,
              label: value === UNSURE ? "Unsure" : value,
              key: active ? keys[v] : null,
            }))}
          />
        );
      })}
    </section>
  );
}
