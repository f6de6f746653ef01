/**
 * A safety study's config in context: parsed, and checked against the project (policy version,
 * reviewers' roles, the pre-screening run) whenever it is written.
 */
import { TRPCError } from "@trpc/server";
import type { Db, Prisma } from "@loupe/db";
import { hasRole } from "../access/roles";
import { safetyConfigSchema, type SafetyConfig } from "../studies/config";
import { policyVersion } from "./taxonomy";

export function safetyConfigOf(study: { kind: string; config: Prisma.JsonValue }): SafetyConfig {
  if (study.kind !== "safety")
    throw new TRPCError({ code: "BAD_REQUEST", message: "This is not a safety review study." });
  return safetyConfigSchema.parse(study.config);
}

const refused = (message: string) => new TRPCError({ code: "BAD_REQUEST", message });

/** Checks what a safety config names against the project; the policy version must be set. */
export async function assertSafetyConfig(db: Db, projectId: string, config: SafetyConfig): Promise<void> {
  if (config.policyVersion === null) throw refused("config.policyVersion: choose a policy version");
  const policy = await policyVersion(db, projectId, config.policyVersion);
  const severity = config.consensus.escalateAtSeverity;
  if (severity !== null && !policy.severities.some((s) => s.id === severity))
    throw refused(
      `config.consensus.escalateAtSeverity: "${severity}" is not a severity of policy version ${policy.version}`,
    );

  const people = [...new Set([...config.reviewerUserIds, ...config.seniorReviewerUserIds])];
  const members = await db.membership.findMany({
    where: { projectId, userId: { in: people } },
    select: { userId: true, role: true, user: { select: { email: true } } },
  });
  for (const userId of people) {
    const member = members.find((m) => m.userId === userId);
    if (!member) throw refused("config.reviewerUserIds: a reviewer is not a member of this project");
    if (!hasRole(member.role, "reviewer"))
      throw refused(
        `${member.user.email} has the ${member.role} role; safety reviews need the reviewer role or above`,
      );
  }

  if (config.prescreen) {
    const run = await db.evaluationRun.findFirst({
      where: { id: config.prescreen.runId, projectId },
      select: { id: true },
    });
    if (!run) throw refused("config.prescreen.runId: no such evaluation run in this project");
    const scored = await db.metricValue.count({
      where: { runId: run.id, metric: config.prescreen.metric, value: { not: null } },
    });
    if (scored === 0)
      throw refused(`config.prescreen.metric: the run has no "${config.prescreen.metric}" scores`);
  }
}
