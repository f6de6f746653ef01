/** The tag that marks adversarial prompt sets, which a safety review is usually run on. */
import type { PromptSetRow } from "./types";

export const RED_TEAM_TAG = "red-team";

/** Red-team sets first, then the rest, each group in its original order. */
export function redTeamFirst(sets: readonly PromptSetRow[]): PromptSetRow[] {
  const red = sets.filter((s) => s.tags.includes(RED_TEAM_TAG));
  return [...red, ...sets.filter((s) => !s.tags.includes(RED_TEAM_TAG))];
}
