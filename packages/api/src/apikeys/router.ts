import { z } from "zod";
import { projectProcedure, router } from "../trpc";
import { createApiKey, createApiKeyInput, listApiKeys, revokeApiKey } from "./service";

export const apiKeysRouter = router({
  list: projectProcedure("owner").query(({ ctx }) => listApiKeys(ctx.db, ctx.project.id)),
  create: projectProcedure("owner")
    .input(createApiKeyInput)
    .mutation(({ ctx, input }) =>
      createApiKey(ctx.db, { userId: ctx.user.id, role: ctx.membership.role }, ctx.project.id, input),
    ),
  revoke: projectProcedure("owner")
    .input(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.user.id, ctx.project.id, input.id)),
});
