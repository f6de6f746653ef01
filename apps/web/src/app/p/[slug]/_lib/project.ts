import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { roleAtLeast } from "@/components/roles";
import { requireUser } from "@/server/caller";
import { section, type SectionKey } from "./sections";

function isNotFound(err: unknown): boolean {
  if (typeof err !== "object" || err === null || !("code" in err)) return false;
  // Not a member looks the same as no such project; a malformed slug is no project either.
  return err.code === "NOT_FOUND" || err.code === "BAD_REQUEST";
}

/** The signed-in user and the project at `slug` with their role in it (once per request). */
export const loadProject = cache(async (slug: string) => {
  const { caller, user } = await requireUser();
  try {
    const project = await caller.projects.get({ projectSlug: slug });
    return { caller, user, project };
  } catch (err) {
    if (isNotFound(err)) notFound();
    throw err;
  }
});

/** Open one section: the project, plus whether the viewer's role may use the section. */
export async function openSection(slug: string, key: SectionKey) {
  const ctx = await loadProject(slug);
  const s = section(key);
  return { ...ctx, section: s, allowed: roleAtLeast(ctx.project.role, s.minRole) };
}
