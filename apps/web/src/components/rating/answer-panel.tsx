"use client";

import { useEffect, useRef } from "react";
import { ANSWER_OPTIONS, type RaterAnswer, type Scale } from "./answer-options";

export type AxisView = { id: string; label: string; question: string; scale: Scale; required: boolean };

/** One row per question; the highlighted one takes the number keys. */
export function AnswerPanel({
  axes,
  answers,
  active,
  onAnswer,
  onFocusAxis,
}: {
  axes: AxisView[];
  answers: Record<string, RaterAnswer>;
  active: number;
  onAnswer: (axisId: string, value: RaterAnswer) => void;
  onFocusAxis: (index: number) => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  // Keep the question that takes the number keys in view on small screens.
  useEffect(() => {
    panel.current?.querySelector('[data-active="true"]')?.scrollIntoView({ block: "nearest" });
  }, [active]);
  return (
    <div ref={panel} className="space-y-2">
      {axes.map((axis, i) => (
        <fieldset
          key={axis.id}
          data-testid={`axis-${axis.id}`}
          data-active={i === active}
          onClick={() => onFocusAxis(i)}
          className={`rounded-md border px-3 py-2 ${
            i === active
              ? "border-indigo-500 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-950/40"
              : "border-zinc-200 dark:border-zinc-800"
          }`}
        >
          <legend className="sr-only">{axis.question}</legend>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <p className="min-w-64 flex-1 text-sm">
              <span className="font-semibold">{axis.label}</span>
              {axis.required ? null : <span className="ml-1 text-xs text-zinc-500">(optional)</span>}
              <span className="block text-zinc-600 dark:text-zinc-400">{axis.question}</span>
            </p>
            <div className="flex flex-wrap gap-1.5" role="group" aria-label={axis.question}>
              {ANSWER_OPTIONS[axis.scale].map((option) => {
                const chosen = answers[axis.id] === option.value;
                return (
                  <button
                    key={String(option.value)}
                    type="button"
                    aria-pressed={chosen}
                    onClick={(e) => {
                      e.stopPropagation();
                      onAnswer(axis.id, option.value);
                    }}
                    className={`rounded-md border px-2.5 py-1 text-sm ${
                      chosen
                        ? "border-indigo-600 bg-indigo-600 text-white dark:border-indigo-400 dark:bg-indigo-500"
                        : "border-zinc-300 bg-white hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
                    }`}
                  >
                    {option.label}
                    {i === active ? (
                      <kbd className={`ml-1.5 text-xs ${chosen ? "text-indigo-100" : "text-zinc-500"}`}>
                        {option.key}
                      </kbd>
                    ) : null}
                  </button>
                );
              })}
            </div>
          </div>
        </fieldset>
      ))}
    </div>
  );
}
