/** The app's tRPC router: one sub-router per domain. */
import { apiKeysRouter } from "./apikeys/router";
import { curationRouter } from "./curation/router";
import { curationAuditsRouter } from "./curation-audits/router";
import { datasetsRouter } from "./datasets/router";
import { evaluationsRouter } from "./evaluations/router";
import { generationRouter } from "./generation/router";
import { jobsRouter } from "./jobs/router";
import { modelsRouter } from "./models/router";
import { outputsRouter } from "./outputs/router";
import { membersRouter, projectsRouter } from "./projects/router";
import { promptSetsRouter } from "./prompt-sets/router";
import { ratingRouter } from "./rating/router";
import { safetyRouter } from "./safety/router";
import { resultsRouter } from "./results/router";
import { secretsRouter } from "./secrets/router";
import { studiesRouter } from "./studies/router";
import { publicProcedure, router } from "./trpc";

export const appRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.user),
  projects: projectsRouter,
  members: membersRouter,
  apiKeys: apiKeysRouter,
  models: modelsRouter,
  promptSets: promptSetsRouter,
  outputs: outputsRouter,
  studies: studiesRouter,
  rating: ratingRouter,
  safety: safetyRouter,
  results: resultsRouter,
  jobs: jobsRouter,
  generation: generationRouter,
  evaluations: evaluationsRouter,
  datasets: datasetsRouter,
  curation: curationRouter,
  curationAudits: curationAuditsRouter,
  secrets: secretsRouter,
});

export type AppRouter = typeof appRouter;
