import { z } from "zod";
import { projectProcedure, router } from "../trpc";
import { createAndQueueDatasetExport } from "./create-and-queue";
import { exportConfig } from "./export-config";
import { deleteDatasetExport, getDatasetExport, listDatasetExports } from "./read";

const exportInput = z.object({ exportId: z.string().min(1) });

export const datasetsRouter = router({
  list: projectProcedure("researcher").query(({ ctx }) => listDatasetExports(ctx.db, ctx.project.id)),
  get: projectProcedure("researcher")
    .input(exportInput)
    .query(({ ctx, input }) => getDatasetExport(ctx.db, ctx.project.id, input.exportId)),
  create: projectProcedure("researcher")
    .input(z.object({ config: exportConfig }))
    .mutation(({ ctx, input }) =>
      createAndQueueDatasetExport(ctx.db, ctx.project.id, input.config, { userId: ctx.user.id }),
    ),
  delete: projectProcedure("researcher")
    .input(exportInput)
    .mutation(({ ctx, input }) => deleteDatasetExport(ctx.db, ctx.project.id, input.exportId)),
});
