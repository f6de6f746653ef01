import { z } from "zod";
import { projectProcedure, router } from "../trpc";
import { listOutputs } from "./service";

export const outputsRouter = router({
  list: projectProcedure("researcher")
    .input(
      z.object({
        skip: z.number().int().min(0).default(0),
        take: z.number().int().min(1).max(200).default(48),
        modelId: z.string().optional(),
      }),
    )
    .query(({ ctx, input }) => listOutputs(ctx.runtime, ctx.project.id, input)),
});
