/**
 * tRPC setup and the procedures that enforce access. Every role check on the server happens
 * here, once: a router picks `publicProcedure`, `authedProcedure` or `projectProcedure(minRole)`
 * and its handler can rely on `ctx.user` / `ctx.membership` being present.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import type { ProjectRole } from "@loupe/db";
import { hasRole } from "./access/roles";
import type { Context } from "./context";
import { superjsonLite } from "./transformer";

const t = initTRPC.context<Context>().create({
  transformer: superjsonLite,
  errorFormatter({ shape, error }) {
    // A zod failure reaches the user as one readable line, not a JSON dump of issues.
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const message = zodError
      ? zodError.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")
      : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.isAdmin)
    throw new TRPCError({ code: "FORBIDDEN", message: "Only administrators can do this." });
  return next();
});

export const projectInput = z.object({ projectSlug: z.string().min(1).max(100) });

/**
 * A procedure scoped to one project (input carries `projectSlug`). Callers who are not members
 * get the same NOT_FOUND as for a project that does not exist: they learn nothing about it.
 */
export function projectProcedure(minRole: ProjectRole) {
  return authedProcedure.input(projectInput).use(async ({ ctx, input, next }) => {
    const membership = await ctx.db.membership.findFirst({
      where: { userId: ctx.user.id, project: { slug: input.projectSlug } },
      include: { project: true },
    });
    if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "Project not found." });
    if (!hasRole(membership.role, minRole)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${minRole} role in the project.` });
    }
    return next({ ctx: { ...ctx, membership, project: membership.project } });
  });
}
