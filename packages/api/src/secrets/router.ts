/** Project secrets: owners set and delete them; researchers see their names (never a value). */
import { z } from "zod";
import { writeAudit } from "../audit/log";
import { projectProcedure, router } from "../trpc";
import { deleteSecret, listSecrets, secretName, setSecret, setSecretInput } from "./service";

export const secretsRouter = router({
  list: projectProcedure("researcher").query(({ ctx }) => listSecrets(ctx.db, ctx.project.id)),
  set: projectProcedure("owner")
    .input(setSecretInput)
    .mutation(async ({ ctx, input }) => {
      const saved = await setSecret(ctx.db, ctx.runtime.secret, ctx.project.id, input);
      await writeAudit(ctx.db, {
        projectId: ctx.project.id,
        actorUserId: ctx.user.id,
        action: "secret.set",
        targetType: "Secret",
        targetId: saved.name,
      });
      return saved;
    }),
  delete: projectProcedure("owner")
    .input(z.object({ name: secretName }))
    .mutation(async ({ ctx, input }) => {
      const deleted = await deleteSecret(ctx.db, ctx.project.id, input.name);
      if (deleted)
        await writeAudit(ctx.db, {
          projectId: ctx.project.id,
          actorUserId: ctx.user.id,
          action: "secret.delete",
          targetType: "Secret",
          targetId: input.name,
        });
      return { deleted };
    }),
});
