/**
 * The web pages' import uploads (`POST /api/uploads/:slug/prompts|outputs|references`): the same multipart
 * imports as the REST API, but authenticated by the signed-in session instead of an API key.
 * A cross-site page must not be able to start an import with a visitor's cookie, so a request
 * whose Origin is not this site is refused (the session cookie is SameSite=Lax as well).
 */
import type { ProjectRole } from "@loupe/db";
import { hasRole } from "../access/roles";
import { createContext } from "../context";
import type { Runtime } from "../runtime";
import { importOutputsUpload, importPromptsUpload, importReferencesUpload } from "./import-uploads";
import { error, errorResponse } from "./respond";

export type UploadKind = "prompts" | "outputs" | "references";

function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return req.headers.get("sec-fetch-site") !== "cross-site";
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The signed-in user's membership of the project, or the response that refuses them: 401 when
 * not signed in, 404 when not a member (the same as no such project), 403 below `role`.
 */
export async function sessionMembership(runtime: Runtime, req: Request, slug: string, role: ProjectRole) {
  const { user } = await createContext(runtime, req.headers);
  if (!user) return error(401, "Sign in to continue.");
  const membership = await runtime.db.membership.findFirst({
    where: { userId: user.id, project: { slug } },
    include: { project: true },
  });
  if (!membership) return error(404, "Project not found.");
  if (!hasRole(membership.role, role)) return error(403, `This needs the ${role} role in the project.`);
  return membership;
}

export async function handleSessionUpload(
  runtime: Runtime,
  req: Request,
  slug: string,
  kind: string,
): Promise<Response> {
  try {
    if (kind !== "prompts" && kind !== "outputs" && kind !== "references")
      return error(404, "no such upload");
    if (req.method !== "POST") return error(405, "use POST");
    if (!sameOrigin(req)) return error(403, "uploads are only accepted from this site's pages");
    const membership = await sessionMembership(runtime, req, slug, "curator");
    if (membership instanceof Response) return membership;
    if (kind === "prompts") return await importPromptsUpload(runtime.db, membership.project.id, req);
    if (kind === "references") return await importReferencesUpload(runtime, membership.project.id, req);
    return await importOutputsUpload(runtime, membership.project.id, req);
  } catch (err) {
    return errorResponse(err);
  }
}
