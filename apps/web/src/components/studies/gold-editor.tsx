"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "../styles";
import { SCALE_ANSWERS } from "./answers";
import type { GoldAnswer, PairwiseConfig, StudyTask } from "./types";

type Axis = PairwiseConfig["axes"][number];

/** The expected answer per question for one task (A/B as the researcher sees them, not as placed). */
export function GoldEditor({
  projectSlug,
  studyId,
  task,
  axes,
  onDone,
}: {
  projectSlug: string;
  studyId: string;
  task: StudyTask;
  axes: Axis[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  // Select values are strings; "" means "no expected answer for this question".
  const [choices, setChoices] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      axes.map((a) => [a.id, task.goldAnswers?.[a.id] === undefined ? "" : String(task.goldAnswers[a.id])]),
    ),
  );
  const setGold = useMutation(trpc.studies.setGold.mutationOptions({ onSuccess: onDone }));

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const answers: Record<string, GoldAnswer> = {};
    for (const axis of axes) {
      const hit = SCALE_ANSWERS[axis.scale].find((a) => String(a.value) === choices[axis.id]);
      if (hit) answers[axis.id] = hit.value;
    }
    setGold.mutate({ projectSlug, studyId, taskId: task.id, answers });
  }

  return (
    <form onSubmit={onSubmit} aria-label="Expected answers" className="space-y-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {axes.map((axis) => {
          const id = `gold-${task.id}-${axis.id}`;
          return (
            <div key={axis.id}>
              <label htmlFor={id} className={labelClass}>
                {axis.label ?? axis.question}
              </label>
              <select
                id={id}
                value={choices[axis.id] ?? ""}
                onChange={(e) => setChoices((c) => ({ ...c, [axis.id]: e.target.value }))}
                className={inputClass}
              >
                <option value="">No expected answer</option>
                {SCALE_ANSWERS[axis.scale].map((a) => (
                  <option key={String(a.value)} value={String(a.value)}>
                    {a.label}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <div className="flex gap-2">
        <button type="submit" disabled={setGold.isPending} className={buttonClass}>
          Save as gold
        </button>
        <button type="button" onClick={onDone} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
      <ErrorMessage>{setGold.error?.message}</ErrorMessage>
    </form>
  );
}
