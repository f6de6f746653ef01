/**
 * The versioned REST surface for scripts, authenticated by project API keys. It reuses the same
 * services as the tRPC routers; only parsing and status codes live here. Documented in docs/api.md.
 *
 *   GET  /api/v1/project                              the key's project
 *   GET  /api/v1/projects/:slug/studies
 *   GET  /api/v1/projects/:slug/models                POST { name, description? }
 *   GET  /api/v1/projects/:slug/prompt-sets           POST { name, description?, prompts: [{ text, externalId?, tags?, metadata? }] }
 *   POST /api/v1/projects/:slug/prompt-sets/import    multipart: file, name?, format?, description? → per-row report
 *   POST /api/v1/projects/:slug/outputs               multipart: file, model, prompt_set, prompt_id | prompt, seed?, params?, latency_ms?, steps?
 *   POST /api/v1/projects/:slug/outputs/import        multipart: prompt_set, manifest?, create_models?, files named by path → per-row report
 *   POST /api/v1/projects/:slug/prompt-sets/references multipart: prompt_set, manifest (prompt_id | prompt, role, file, position?), files named by path
 *   POST /api/v1/projects/:slug/studies               { name, config } (a draft)
 *   GET  /api/v1/projects/:slug/studies/:id           the study with its config and counts
 *   POST /api/v1/projects/:slug/studies/:id/launch    → launch report
 *   POST /api/v1/projects/:slug/studies/:id/invites   { label?, maxRaters?, externalIdParam?, completionCode? }
 *   GET  /api/v1/projects/:slug/studies/:id/judgments every judgment as flat rows
 *   GET  /api/v1/projects/:slug/studies/:id/safety-report  a safety study's report (JSON), or ?format=csv
 *   GET  /api/v1/projects/:slug/studies/:id/results   the computed results (JSON), or one table:
 *                                                     ?table=ratings|pairs|reliability|agreement|breakdowns[&format=csv]
 *   PUT  /api/v1/projects/:slug/models/:id/adapter    { adapter } — how the model is run (id or name)
 *   GET  /api/v1/projects/:slug/secrets               names only; POST { name, value } (owner keys)
 *   GET  /api/v1/projects/:slug/generation-jobs       POST { model, promptSet, seeds?, params?, chunkSize? }
 *   GET  /api/v1/projects/:slug/generation-jobs/:id   progress and failures
 *   POST /api/v1/projects/:slug/generation-jobs/:id/cancel | /resume
 *   GET  /api/v1/projects/:slug/evaluator-models      the registered evaluator models
 *   GET  /api/v1/projects/:slug/evaluations           POST { scope, scopeId, config: { metrics }, chunkSize? }
 *   GET  /api/v1/projects/:slug/evaluations/:id       progress, summary (per model), failures
 *   POST /api/v1/projects/:slug/evaluations/:id/cancel | /resume
 *   GET  /api/v1/projects/:slug/studies/:id/metrics   the study's metrics beside its ratings, with agreement
 */
import { hasRole } from "../access/roles";
import { createModel, createModelInput, listModels } from "../models/service";
import { addOutput, addOutputInput } from "../outputs/add-output";
import { createPromptSet, createPromptSetInput, listPromptSets } from "../prompt-sets/service";
import type { Runtime } from "../runtime";
import { createInvite, createInviteInput } from "../raters/invites";
import { getStudyResults } from "../results/read";
import { RESULT_TABLES, resultTableRows, toCsv, type ResultTable } from "../results/tables";
import { safetyReport } from "../safety/report";
import { listStudyJudgments } from "../studies/judgments-export";
import { launchStudy } from "../studies/launch";
import { createStudy, createStudyInput, getStudy, listStudies } from "../studies/service";
import { authenticate } from "./authenticate";
import { datasetRoutes } from "./dataset-routes";
import { evaluationRoutes } from "./evaluation-routes";
import { generationRoutes } from "./generation-routes";
import { importOutputsUpload, importPromptsUpload, importReferencesUpload } from "./import-uploads";
import { error, errorResponse, json } from "./respond";
import { readJson, type Route } from "./route";
import { MAX_UPLOAD_BYTES, readUploadForm } from "./upload-form";

const routes: Route[] = [
  {
    method: "POST",
    resource: "prompt-sets/references",
    role: "curator",
    run: ({ runtime, caller, req }) => importReferencesUpload(runtime, caller.project.id, req),
  },
  {
    method: "POST",
    resource: "studies",
    role: "researcher",
    run: async ({ runtime, caller, req }) =>
      json(
        await createStudy(runtime.db, null, caller.project.id, createStudyInput.parse(await readJson(req))),
        201,
      ),
  },
  {
    method: "GET",
    resource: "studies/:id",
    role: "researcher",
    run: async ({ runtime, caller, id }) => json(await getStudy(runtime.db, caller.project.id, id)),
  },
  {
    method: "POST",
    resource: "studies/:id/launch",
    role: "researcher",
    run: async ({ runtime, caller, id }) => json(await launchStudy(runtime.db, null, caller.project.id, id)),
  },
  {
    method: "POST",
    resource: "studies/:id/invites",
    role: "researcher",
    run: async ({ runtime, caller, req, id }) =>
      json(
        await createInvite(runtime.db, null, caller.project.id, {
          ...createInviteInput.omit({ studyId: true }).parse(await readJson(req)),
          studyId: id,
        }),
        201,
      ),
  },
  {
    method: "GET",
    resource: "studies/:id/judgments",
    role: "researcher",
    run: async ({ runtime, caller, id }) =>
      json({ judgments: await listStudyJudgments(runtime.db, caller.project.id, id) }),
  },
  {
    method: "GET",
    resource: "studies/:id/safety-report",
    role: "researcher",
    run: async ({ runtime, caller, req, id }) => {
      const { study, report, csv } = await safetyReport(runtime.db, caller.project.id, id);
      const format = new URL(req.url).searchParams.get("format") ?? "json";
      if (format === "json") return json({ study, report });
      if (format !== "csv") return error(400, "format: json or csv");
      return new Response(csv, {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="safety-report.csv"`,
          "cache-control": "no-store",
        },
      });
    },
  },
  {
    method: "GET",
    resource: "studies/:id/results",
    role: "researcher",
    run: async ({ runtime, caller, req, id }) => {
      const read = await getStudyResults(runtime.db, caller.project.id, id);
      const params = new URL(req.url).searchParams;
      const table = params.get("table");
      const format = params.get("format") ?? "json";
      if (format !== "json" && format !== "csv") return error(400, "format: json or csv");
      if (table === null) {
        if (format === "csv") return error(400, `format=csv needs table=${RESULT_TABLES.join("|")}`);
        return json(read);
      }
      if (!RESULT_TABLES.includes(table as ResultTable))
        return error(400, `table: one of ${RESULT_TABLES.join(", ")}`);
      if (!read.results)
        return error(409, "the results are still being computed; try again in a few seconds");
      const rows = resultTableRows(read.results, table as ResultTable);
      if (format === "json") return json({ status: read.status, computedAt: read.computedAt, rows });
      return new Response(toCsv(rows), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${table}.csv"`,
          "cache-control": "no-store",
        },
      });
    },
  },
  {
    method: "GET",
    resource: "studies",
    role: "researcher",
    run: async ({ runtime, caller }) => json({ studies: await listStudies(runtime.db, caller.project.id) }),
  },
  {
    method: "GET",
    resource: "models",
    role: "researcher",
    run: async ({ runtime, caller }) => json({ models: await listModels(runtime.db, caller.project.id) }),
  },
  {
    method: "POST",
    resource: "models",
    role: "researcher",
    run: async ({ runtime, caller, req }) =>
      json(
        await createModel(runtime.db, caller.project.id, createModelInput.parse(await readJson(req))),
        201,
      ),
  },
  {
    method: "GET",
    resource: "prompt-sets",
    role: "curator",
    run: async ({ runtime, caller }) =>
      json({ promptSets: await listPromptSets(runtime.db, caller.project.id) }),
  },
  {
    method: "POST",
    resource: "prompt-sets",
    role: "curator",
    run: async ({ runtime, caller, req }) =>
      json(
        await createPromptSet(runtime.db, caller.project.id, createPromptSetInput.parse(await readJson(req))),
        201,
      ),
  },
  {
    method: "POST",
    resource: "outputs",
    role: "curator",
    run: async ({ runtime, caller, req }) => {
      const upload = await readUploadForm(req, MAX_UPLOAD_BYTES);
      if (upload instanceof Response) return upload;
      const file = upload.file("file");
      if (!file) return error(400, "file: missing (a multipart part named `file`)");
      const field = upload.field;
      let params: unknown = {};
      const rawParams = field("params");
      if (rawParams) {
        try {
          params = JSON.parse(rawParams);
        } catch {
          return error(400, "params: must be a JSON object");
        }
      }
      const result = await addOutput(
        runtime,
        caller.project.id,
        addOutputInput.parse({
          model: field("model") ?? "",
          promptSet: field("prompt_set") ?? "",
          promptId: field("prompt_id"),
          prompt: field("prompt"),
          seed: field("seed") ?? "0",
          params,
          latencyMs: field("latency_ms"),
          steps: field("steps"),
        }),
        Buffer.from(await file.arrayBuffer()),
      );
      return json(result, result.duplicate ? 200 : 201);
    },
  },
  {
    method: "POST",
    resource: "prompt-sets/import",
    role: "curator",
    run: ({ runtime, caller, req }) => importPromptsUpload(runtime.db, caller.project.id, req),
  },
  {
    method: "POST",
    resource: "outputs/import",
    role: "curator",
    run: ({ runtime, caller, req }) => importOutputsUpload(runtime, caller.project.id, req),
  },
  ...generationRoutes,
  ...evaluationRoutes,
  ...datasetRoutes,
];

export async function handleRestRequest(runtime: Runtime, req: Request): Promise<Response> {
  try {
    const caller = await authenticate(runtime, req);
    if (!caller) return error(401, "missing or invalid API key; send `Authorization: Bearer <key>`");

    const parts = new URL(req.url).pathname
      .replace(/^\/api\/v1\/?/, "")
      .split("/")
      .filter(Boolean);
    if (parts.length === 1 && parts[0] === "project" && req.method === "GET") {
      return json({ project: { slug: caller.project.slug, name: caller.project.name }, role: caller.role });
    }
    if (parts[0] !== "projects" || parts.length < 3 || parts.length > 5) {
      return error(404, "no such endpoint; see docs/api.md");
    }
    // Same answer whether the project exists or not: a key learns nothing about other projects.
    if (parts[1] !== caller.project.slug) return error(403, "this API key has no access to that project");

    // A segment that is not a fixed word of any route is the `:id` parameter.
    const rest = parts.slice(2);
    const id = rest[1] ?? "";
    const candidates = routes.filter((r) => {
      const pattern = r.resource.split("/");
      return pattern.length === rest.length && pattern.every((seg, i) => seg === rest[i] || seg === ":id");
    });
    if (candidates.length === 0) return error(404, "no such endpoint; see docs/api.md");
    const route = candidates.find((r) => r.method === req.method);
    if (!route) return error(405, `use ${candidates.map((r) => r.method).join(" or ")}`);
    if (!hasRole(caller.role, route.role)) return error(403, `this needs a key with the ${route.role} role`);
    return await route.run({ runtime, caller, req, id });
  } catch (err) {
    if (err instanceof Error && (err as { status?: number }).status === 400) return error(400, err.message);
    return errorResponse(err);
  }
}
