/** REST routes for running models: adapters, secrets and generation jobs (docs/api.md). */
import { TRPCError } from "@trpc/server";
import { writeAudit } from "../audit/log";
import { cancelGenerationJob, resumeGenerationJob } from "../generation/control";
import { createGenerationJob, createGenerationJobInput } from "../generation/create-job";
import { getGenerationJob, listGenerationJobs } from "../generation/progress";
import { findModel, setModelAdapter, setModelAdapterInput } from "../models/service";
import { listSecrets, setSecret, setSecretInput } from "../secrets/service";
import { json } from "./respond";
import { readJson, type Route } from "./route";

export const generationRoutes: Route[] = [
  {
    method: "PUT",
    resource: "models/:id/adapter",
    role: "researcher",
    run: async ({ runtime, caller, req, id }) => {
      const model = await findModel(runtime.db, caller.project.id, decodeURIComponent(id));
      if (!model) throw new TRPCError({ code: "NOT_FOUND", message: `No model "${id}" in this project.` });
      const body = setModelAdapterInput.omit({ modelId: true }).parse(await readJson(req));
      return json(
        await setModelAdapter(runtime.db, caller.project.id, { ...body, modelId: model.id }, caller.role),
      );
    },
  },
  {
    method: "GET",
    resource: "secrets",
    role: "researcher",
    run: async ({ runtime, caller }) => json({ secrets: await listSecrets(runtime.db, caller.project.id) }),
  },
  {
    method: "POST",
    resource: "secrets",
    role: "owner",
    run: async ({ runtime, caller, req }) => {
      const saved = await setSecret(
        runtime.db,
        runtime.secret,
        caller.project.id,
        setSecretInput.parse(await readJson(req)),
      );
      await writeAudit(runtime.db, {
        projectId: caller.project.id,
        actorApiKeyId: caller.apiKeyId,
        action: "secret.set",
        targetType: "Secret",
        targetId: saved.name,
      });
      return json(saved, 201);
    },
  },
  {
    method: "GET",
    resource: "generation-jobs",
    role: "researcher",
    run: async ({ runtime, caller }) =>
      json({ jobs: await listGenerationJobs(runtime.db, caller.project.id) }),
  },
  {
    method: "POST",
    resource: "generation-jobs",
    role: "researcher",
    run: async ({ runtime, caller, req }) =>
      json(
        await createGenerationJob(
          runtime.db,
          caller.project.id,
          createGenerationJobInput.parse(await readJson(req)),
          {
            apiKeyId: caller.apiKeyId,
          },
        ),
        201,
      ),
  },
  {
    method: "GET",
    resource: "generation-jobs/:id",
    role: "researcher",
    run: async ({ runtime, caller, id }) => json(await getGenerationJob(runtime.db, caller.project.id, id)),
  },
  {
    method: "POST",
    resource: "generation-jobs/:id/cancel",
    role: "researcher",
    run: async ({ runtime, caller, id }) =>
      json(await cancelGenerationJob(runtime.db, caller.project.id, id, { apiKeyId: caller.apiKeyId })),
  },
  {
    method: "POST",
    resource: "generation-jobs/:id/resume",
    role: "researcher",
    run: async ({ runtime, caller, id }) =>
      json(await resumeGenerationJob(runtime.db, caller.project.id, id, { apiKeyId: caller.apiKeyId })),
  },
];
