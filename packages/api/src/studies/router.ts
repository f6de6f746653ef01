import { z } from "zod";
import { projectProcedure, router } from "../trpc";
import { setRaterExcluded, studyMonitor } from "../quality/monitor";
import { createInvite, createInviteInput, listInvites, revokeInvite } from "../raters/invites";
import { launchStudy } from "./launch";
import {
  createStudy,
  createStudyInput,
  getStudy,
  listStudies,
  setStudyStatus,
  updateStudy,
  updateStudyInput,
} from "./service";
import { listStudyTasks, setGoldInput, setGoldTask } from "./tasks";
import { STUDY_TEMPLATES } from "./templates";

const studyIdInput = z.object({ studyId: z.string().min(1).max(100) });

export const studiesRouter = router({
  templates: projectProcedure("researcher").query(() => STUDY_TEMPLATES),
  list: projectProcedure("researcher").query(({ ctx }) => listStudies(ctx.db, ctx.project.id)),
  get: projectProcedure("researcher")
    .input(studyIdInput)
    .query(({ ctx, input }) => getStudy(ctx.db, ctx.project.id, input.studyId)),
  create: projectProcedure("researcher")
    .input(createStudyInput)
    .mutation(({ ctx, input }) => createStudy(ctx.db, ctx.user.id, ctx.project.id, input)),
  update: projectProcedure("researcher")
    .input(updateStudyInput)
    .mutation(({ ctx, input }) => updateStudy(ctx.db, ctx.user.id, ctx.project.id, input)),
  launch: projectProcedure("researcher")
    .input(studyIdInput)
    .mutation(({ ctx, input }) => launchStudy(ctx.db, ctx.user.id, ctx.project.id, input.studyId)),
  setStatus: projectProcedure("researcher")
    .input(studyIdInput.extend({ status: z.enum(["active", "paused", "completed", "archived"]) }))
    .mutation(({ ctx, input }) =>
      setStudyStatus(ctx.db, ctx.user.id, ctx.project.id, input.studyId, input.status),
    ),
  tasks: projectProcedure("researcher")
    .input(
      studyIdInput.extend({
        skip: z.number().int().min(0).default(0),
        take: z.number().int().min(1).max(200).default(50),
        gold: z.boolean().optional(),
      }),
    )
    .query(({ ctx, input }) => listStudyTasks(ctx.runtime, ctx.project.id, input.studyId, input)),
  setGold: projectProcedure("researcher")
    .input(setGoldInput)
    .mutation(({ ctx, input }) => setGoldTask(ctx.db, ctx.user.id, ctx.project.id, input)),
  invites: projectProcedure("researcher")
    .input(studyIdInput)
    .query(({ ctx, input }) => listInvites(ctx.db, ctx.project.id, input.studyId)),
  createInvite: projectProcedure("researcher")
    .input(createInviteInput)
    .mutation(({ ctx, input }) => createInvite(ctx.db, ctx.user.id, ctx.project.id, input)),
  revokeInvite: projectProcedure("researcher")
    .input(z.object({ inviteId: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) => revokeInvite(ctx.db, ctx.user.id, ctx.project.id, input.inviteId)),
  monitor: projectProcedure("researcher")
    .input(studyIdInput)
    .query(({ ctx, input }) => studyMonitor(ctx.db, ctx.project.id, input.studyId)),
  setRaterExcluded: projectProcedure("researcher")
    .input(
      z.object({
        raterId: z.string().min(1).max(100),
        excluded: z.boolean(),
        reason: z.string().max(500).optional(),
      }),
    )
    .mutation(({ ctx, input }) => setRaterExcluded(ctx.db, ctx.user.id, ctx.project.id, input)),
});
