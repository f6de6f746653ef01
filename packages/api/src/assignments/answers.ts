/**
 * Answers as the rater gives them (left/right) and as they are stored (the task's A/B order).
 * Left/right is randomized per assignment; the judgment records `swapped` (B shown on the left),
 * so both views are recoverable and position bias can be measured.
 */
import { z } from "zod";
import type { Axis } from "../studies/config";

/** What a rater's browser sends per axis: a side, or -2 … 2 on the five-point scale (negative: left better). */
export const raterAnswerSchema = z.union([
  z.enum(["left", "right", "tie", "both_bad"]),
  z.number().int().min(-2).max(2),
]);
export type RaterAnswer = z.infer<typeof raterAnswerSchema>;
export const raterAnswersSchema = z.record(z.string().max(40), raterAnswerSchema);

/** Stored per axis: "A" | "B" | "tie" | "both_bad", or -2 … 2 where negative favours A. */
export type StoredAnswer = "A" | "B" | "tie" | "both_bad" | number;
export type StoredAnswers = Record<string, StoredAnswer>;

export class AnswerError extends Error {
  override name = "AnswerError";
}

/**
 * Checks the answers against the study's axes (every required axis answered, on its own scale,
 * no unknown axis) and turns them into A/B orientation.
 */
export function toStoredAnswers(axes: readonly Axis[], given: Record<string, RaterAnswer>, swapped: boolean) {
  const known = new Set(axes.map((a) => a.id));
  for (const id of Object.keys(given)) if (!known.has(id)) throw new AnswerError(`unknown question "${id}"`);
  const stored: StoredAnswers = {};
  for (const axis of axes) {
    const answer = given[axis.id];
    const name = axis.label ?? axis.id;
    if (answer === undefined) {
      if (axis.required) throw new AnswerError(`"${name}" needs an answer`);
      continue;
    }
    if (axis.scale === "five-point") {
      if (typeof answer !== "number") throw new AnswerError(`"${name}" takes a number from -2 to 2`);
      // Negative means "left better"; stored negative means "A better"; B on the left flips it.
      stored[axis.id] = swapped ? -answer || 0 : answer;
    } else {
      if (typeof answer === "number") throw new AnswerError(`"${name}" takes left, right, tie or both_bad`);
      if (answer === "left") stored[axis.id] = swapped ? "B" : "A";
      else if (answer === "right") stored[axis.id] = swapped ? "A" : "B";
      else stored[axis.id] = answer;
    }
  }
  return stored;
}

/** The stored answer as the rater saw it (undo shows the previous answers again). */
export function toRaterAnswers(stored: StoredAnswers, swapped: boolean): Record<string, RaterAnswer> {
  const given: Record<string, RaterAnswer> = {};
  for (const [id, answer] of Object.entries(stored)) {
    if (typeof answer === "number") given[id] = swapped ? -answer || 0 : answer;
    else if (answer === "A") given[id] = swapped ? "right" : "left";
    else if (answer === "B") given[id] = swapped ? "left" : "right";
    else given[id] = answer;
  }
  return given;
}

/** Which side an answer favours, in A/B terms, or null for tie / both bad / 0. */
export function preferredSide(answer: StoredAnswer | undefined): "A" | "B" | null {
  if (answer === "A" || (typeof answer === "number" && answer < 0)) return "A";
  if (answer === "B" || (typeof answer === "number" && answer > 0)) return "B";
  return null;
}
