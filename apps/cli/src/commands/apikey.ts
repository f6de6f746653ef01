/** `loupe apikey create`: a project API key for /api/v1, printed once. */
import { createApiKey } from "@loupe/api/apikeys";
import type { ProjectRole } from "@loupe/db";
import { CliError } from "../errors";
import { withDatabase } from "./with-db";

export async function apiKeyCreateCommand(opts: { project: string; name: string; role: ProjectRole }) {
  const key = await withDatabase(async (db) => {
    const project = await db.project.findUnique({ where: { slug: opts.project } });
    if (!project) throw new CliError(`no project "${opts.project}"`);
    const owner = await db.membership.findFirst({
      where: { projectId: project.id, role: "owner" },
      orderBy: { createdAt: "asc" },
    });
    return createApiKey(db, { userId: owner?.userId ?? null, role: "owner" }, project.id, {
      name: opts.name,
      role: opts.role,
    });
  });
  console.log(`API key "${key.name}" (${key.role}) for project ${opts.project} — shown once, store it now:`);
  console.log(key.key);
}
