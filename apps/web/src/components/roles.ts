import type { ProjectRole } from "@loupe/db";

/**
 * Project roles in the order the server ranks them (packages/api/src/access/roles.ts), with what
 * each adds. Kept here as plain data so client components do not bundle the server's router.
 */
export const ROLES = [
  "rater",
  "reviewer",
  "curator",
  "researcher",
  "owner",
] as const satisfies readonly ProjectRole[];

export type Role = (typeof ROLES)[number];

export const ROLE_HINTS: Record<Role, string> = {
  rater: "judges pairs",
  reviewer: "+ safety reviews",
  curator: "+ prompts, curation",
  researcher: "+ studies, results",
  owner: "+ members, keys",
};

export function roleAtLeast(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}
