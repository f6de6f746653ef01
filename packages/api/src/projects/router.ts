import { z } from "zod";
import { adminProcedure, authedProcedure, projectProcedure, router } from "../trpc";
import {
  addMember,
  addMemberInput,
  changeMemberRole,
  createProject,
  createProjectInput,
  listMembers,
  listMyProjects,
  removeMember,
  roleSchema,
} from "./service";

export const projectsRouter = router({
  mine: authedProcedure.query(({ ctx }) => listMyProjects(ctx.db, ctx.user.id)),
  get: projectProcedure("rater").query(({ ctx }) => ({
    slug: ctx.project.slug,
    name: ctx.project.name,
    description: ctx.project.description,
    isDemo: ctx.project.isDemo,
    role: ctx.membership.role,
  })),
  create: adminProcedure
    .input(createProjectInput)
    .mutation(({ ctx, input }) => createProject(ctx.db, ctx.user.id, input)),
});

export const membersRouter = router({
  list: projectProcedure("owner").query(({ ctx }) => listMembers(ctx.db, ctx.project.id)),
  add: projectProcedure("owner")
    .input(addMemberInput)
    .mutation(({ ctx, input }) => addMember(ctx.db, ctx.user.id, ctx.project.id, input)),
  changeRole: projectProcedure("owner")
    .input(z.object({ userId: z.string(), role: roleSchema }))
    .mutation(({ ctx, input }) =>
      changeMemberRole(ctx.db, ctx.user.id, ctx.project.id, input.userId, input.role),
    ),
  remove: projectProcedure("owner")
    .input(z.object({ userId: z.string() }))
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.user.id, ctx.project.id, input.userId)),
});
