import type { ProjectRole } from "@loupe/db";

/**
 * Project roles, least to most privileged. Each role can do what the roles before it can:
 * raters judge pairs; reviewers also run safety reviews; curators manage data (prompt sets,
 * outputs, curation); researchers design studies and read results; owners manage members and keys.
 */
export const PROJECT_ROLES = [
  "rater",
  "reviewer",
  "curator",
  "researcher",
  "owner",
] as const satisfies readonly ProjectRole[];

export function hasRole(actual: ProjectRole, required: ProjectRole): boolean {
  return PROJECT_ROLES.indexOf(actual) >= PROJECT_ROLES.indexOf(required);
}
