import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db, ProjectRole } from "@loupe/db";
import { writeAudit } from "../audit/log";
import { createUser } from "../auth/users";
import { PROJECT_ROLES } from "../access/roles";

export const slugSchema = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and dashes");

export const createProjectInput = z.object({
  name: z.string().trim().min(1).max(120),
  slug: slugSchema.optional(),
  description: z.string().max(2000).default(""),
});

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "project"
  );
}

export async function listMyProjects(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { project: true },
    orderBy: [{ project: { isDemo: "asc" } }, { project: { createdAt: "asc" } }],
  });
  return memberships.map((m) => ({
    slug: m.project.slug,
    name: m.project.name,
    description: m.project.description,
    isDemo: m.project.isDemo,
    role: m.role,
  }));
}

export async function createProject(db: Db, userId: string, input: z.input<typeof createProjectInput>) {
  const data = createProjectInput.parse(input);
  const slug = data.slug ?? slugify(data.name);
  if (await db.project.findUnique({ where: { slug } })) {
    throw new TRPCError({
      code: "CONFLICT",
      message: `A project with the address "${slug}" already exists.`,
    });
  }
  const project = await db.project.create({
    data: {
      name: data.name,
      slug,
      description: data.description,
      memberships: { create: { userId, role: "owner" } },
    },
  });
  await writeAudit(db, {
    projectId: project.id,
    actorUserId: userId,
    action: "project.create",
    targetType: "project",
    targetId: project.id,
  });
  return { slug: project.slug, name: project.name };
}

export const roleSchema = z.enum(PROJECT_ROLES);

export const addMemberInput = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  role: roleSchema,
  /** Creates the account when no user has this email (an admin or owner sets a first password). */
  password: z.string().min(8, "must be at least 8 characters").max(256).optional(),
  name: z.string().trim().max(200).optional(),
});

export async function listMembers(db: Db, projectId: string) {
  const rows = await db.membership.findMany({
    where: { projectId },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({
    userId: m.user.id,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    since: m.createdAt,
  }));
}

export async function addMember(
  db: Db,
  actorId: string,
  projectId: string,
  input: z.input<typeof addMemberInput>,
) {
  const data = addMemberInput.parse(input);
  let user = await db.user.findUnique({ where: { email: data.email } });
  if (!user) {
    if (!data.password) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `No account uses ${data.email} yet; give a first password to create one.`,
      });
    }
    user = await createUser(db, { email: data.email, name: data.name || undefined, password: data.password });
  }
  const existing = await db.membership.findUnique({
    where: { projectId_userId: { projectId, userId: user.id } },
  });
  if (existing) throw new TRPCError({ code: "CONFLICT", message: `${data.email} is already a member.` });
  await db.membership.create({ data: { projectId, userId: user.id, role: data.role } });
  await writeAudit(db, {
    projectId,
    actorUserId: actorId,
    action: "member.add",
    targetType: "user",
    targetId: user.id,
    data: { role: data.role },
  });
  return { userId: user.id };
}

async function assertNotLastOwner(db: Db, projectId: string, userId: string, nextRole: ProjectRole | null) {
  const m = await db.membership.findUnique({ where: { projectId_userId: { projectId, userId } } });
  if (!m) throw new TRPCError({ code: "NOT_FOUND", message: "That person is not a member." });
  if (m.role === "owner" && nextRole !== "owner") {
    const owners = await db.membership.count({ where: { projectId, role: "owner" } });
    if (owners <= 1)
      throw new TRPCError({ code: "BAD_REQUEST", message: "A project needs at least one owner." });
  }
}

export async function changeMemberRole(
  db: Db,
  actorId: string,
  projectId: string,
  userId: string,
  role: ProjectRole,
) {
  await assertNotLastOwner(db, projectId, userId, role);
  await db.membership.update({ where: { projectId_userId: { projectId, userId } }, data: { role } });
  await writeAudit(db, {
    projectId,
    actorUserId: actorId,
    action: "member.role",
    targetType: "user",
    targetId: userId,
    data: { role },
  });
}

export async function removeMember(db: Db, actorId: string, projectId: string, userId: string) {
  await assertNotLastOwner(db, projectId, userId, null);
  await db.membership.delete({ where: { projectId_userId: { projectId, userId } } });
  await writeAudit(db, {
    projectId,
    actorUserId: actorId,
    action: "member.remove",
    targetType: "user",
    targetId: userId,
  });
}
