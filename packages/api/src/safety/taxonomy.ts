/**
 * A project's content policy, versioned. Reading it creates version 1 from the default the
 * first time; every edit appends the next version (rows are immutable), so a safety study that
 * recorded version N keeps reviewing against version N while the policy moves on.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { isUniqueViolation, type Db, type PolicyTaxonomy, type Prisma } from "@loupe/db";
import { writeAudit } from "../audit/log";
import { DEFAULT_POLICY, policyContentSchema, type PolicyContent } from "./taxonomy-schema";

export type PolicyVersion = PolicyContent & {
  id: string;
  version: number;
  note: string;
  createdAt: Date;
};

function toVersion(row: PolicyTaxonomy): PolicyVersion {
  const content = policyContentSchema.parse({ categories: row.categories, severities: row.severities });
  return { id: row.id, version: row.version, note: row.note, createdAt: row.createdAt, ...content };
}

const asColumns = (content: PolicyContent) => ({
  categories: content.categories as Prisma.InputJsonArray,
  severities: content.severities as Prisma.InputJsonArray,
});

/** The project's newest policy version, creating version 1 from the default when there is none. */
export async function currentPolicy(db: Db, projectId: string): Promise<PolicyVersion> {
  const latest = await db.policyTaxonomy.findFirst({ where: { projectId }, orderBy: { version: "desc" } });
  if (latest) return toVersion(latest);
  try {
    return toVersion(
      await db.policyTaxonomy.create({
        data: { projectId, version: 1, note: "Default policy", ...asColumns(DEFAULT_POLICY) },
      }),
    );
  } catch (err) {
    // Two first readers raced: the other one created version 1.
    if (!isUniqueViolation(err)) throw err;
    return currentPolicy(db, projectId);
  }
}

/** One version of the project's policy (NOT_FOUND for another project's). */
export async function policyVersion(db: Db, projectId: string, version: number): Promise<PolicyVersion> {
  const row = await db.policyTaxonomy.findUnique({ where: { projectId_version: { projectId, version } } });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `The policy has no version ${version}.` });
  return toVersion(row);
}

/** Every version, newest first (without their content: the history list). */
export async function policyHistory(db: Db, projectId: string) {
  await currentPolicy(db, projectId);
  const rows = await db.policyTaxonomy.findMany({ where: { projectId }, orderBy: { version: "desc" } });
  const inUse = await db.study.findMany({
    where: { projectId, kind: "safety" },
    select: { name: true, status: true, config: true },
  });
  return rows.map((r) => ({
    version: r.version,
    note: r.note,
    createdAt: r.createdAt,
    categories: z.array(z.unknown()).parse(r.categories).length,
    studies: inUse
      .filter((s) => (s.config as { policyVersion?: number }).policyVersion === r.version)
      .map((s) => ({ name: s.name, status: s.status })),
  }));
}

export const updatePolicyInput = policyContentSchema.extend({
  /** The version the editor started from: an edit based on an older version is refused. */
  baseVersion: z.number().int().min(1),
  note: z.string().trim().max(500).default(""),
});

/**
 * Saves an edit as the next version. Studies keep the version they recorded; the edit says which
 * running studies stay on the older one, so the editor knows.
 */
export async function updatePolicy(
  db: Db,
  actorUserId: string | null,
  projectId: string,
  input: z.input<typeof updatePolicyInput>,
) {
  const { baseVersion, note, ...content } = updatePolicyInput.parse(input);
  const current = await currentPolicy(db, projectId);
  if (current.version !== baseVersion)
    throw new TRPCError({
      code: "CONFLICT",
      message: `The policy changed while you edited it (now version ${current.version}); reload and apply your edit again.`,
    });
  let row: PolicyTaxonomy;
  try {
    row = await db.policyTaxonomy.create({
      data: { projectId, version: current.version + 1, note, ...asColumns(content) },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw new TRPCError({ code: "CONFLICT", message: "Someone saved the policy at the same time; reload." });
  }
  const running = await db.study.findMany({
    where: { projectId, kind: "safety", status: { in: ["active", "paused"] } },
    select: { id: true, name: true, config: true },
  });
  const keepOld = running.filter(
    (s) => (s.config as { policyVersion?: number }).policyVersion !== row.version,
  );
  await writeAudit(db, {
    projectId,
    actorUserId,
    action: "safety.policy.update",
    targetType: "policyTaxonomy",
    targetId: row.id,
    data: {
      version: row.version,
      note,
      categories: content.categories.map((c) => c.id),
      runningStudiesKeepTheirVersion: keepOld.map((s) => s.id),
    },
  });
  return {
    version: row.version,
    runningStudies: keepOld.map((s) => ({
      name: s.name,
      policyVersion: (s.config as { policyVersion?: number }).policyVersion ?? null,
    })),
  };
}
