import { z } from "zod";
import type { Db, Prisma } from "@loupe/db";
import { writeAudit } from "../audit/log";
import { studyConfigSchema } from "./config";

export const createStudyInput = z.object({
  name: z.string().trim().min(1).max(200),
  config: studyConfigSchema,
});

export async function listStudies(db: Db, projectId: string) {
  const rows = await db.study.findMany({ where: { projectId }, orderBy: { createdAt: "desc" } });
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    status: s.status,
    createdAt: s.createdAt,
  }));
}

export async function createStudy(
  db: Db,
  actorUserId: string | null,
  projectId: string,
  input: z.input<typeof createStudyInput>,
) {
  const data = createStudyInput.parse(input);
  const study = await db.study.create({
    data: {
      projectId,
      name: data.name,
      kind: data.config.kind,
      config: data.config as Prisma.InputJsonObject,
      createdById: actorUserId,
    },
  });
  await writeAudit(db, {
    projectId,
    actorUserId,
    action: "study.create",
    targetType: "study",
    targetId: study.id,
  });
  return { id: study.id, name: study.name, kind: study.kind, status: study.status };
}
