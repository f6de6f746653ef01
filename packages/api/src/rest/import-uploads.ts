/**
 * Imports sent as one multipart request, for the REST API (API key) and the web pages (session):
 *
 *   prompts:  file (the prompt file), name? (default: the file name), format? (csv|tsv|jsonl|txt), description?
 *   outputs:  prompt_set, create_models? ("true"), manifest? (JSONL or CSV), format? (jsonl|csv),
 *             and every media file as a further part whose field name is its path: the path the
 *             manifest's `file` column gives, or — without a manifest — `<model>/<prompt_id>[_<seed>].<ext>`.
 *
 *   references: prompt_set, manifest (JSONL or CSV: prompt_id | prompt, role, file, position?), and
 *             every media file as a further part named by its path in the manifest.
 *
 * All answer with the per-row report. The caller has already checked who may import.
 */
import { z } from "zod";
import type { Db } from "@loupe/db";
import { importOutputs } from "../outputs/import/import-outputs";
import { parseOutputManifest } from "../outputs/import/parse-manifest";
import { rowsFromFolderPaths, stripTopFolder } from "../outputs/import/folder-layout";
import { importPromptFile } from "../prompt-sets/import/import-prompt-file";
import { importPromptReferences } from "../prompt-sets/references/import-references";
import { parseReferenceManifest } from "../prompt-sets/references/parse-reference-manifest";
import type { Runtime } from "../runtime";
import { error, json } from "./respond";
import { MAX_IMPORT_BYTES, readUploadForm } from "./upload-form";

const promptFormat = z.enum(["csv", "tsv", "jsonl", "json", "txt"]).optional();
const manifestFormat = z.enum(["jsonl", "csv"]).optional();

const normalizePath = (p: string) => p.replace(/\\/g, "/").replace(/^(\.\/)+/, "");

export async function importPromptsUpload(db: Db, projectId: string, req: Request): Promise<Response> {
  const upload = await readUploadForm(req, MAX_IMPORT_BYTES);
  if (upload instanceof Response) return upload;
  const file = upload.file("file");
  if (!file) return error(400, "file: missing (a multipart part named `file`)");
  const format = promptFormat.safeParse(upload.field("format"));
  if (!format.success) return error(400, "format: must be csv, tsv, jsonl or txt");
  const name = upload.field("name") ?? file.name.replace(/\.[^.]+$/, "");
  if (!name) return error(400, "name: missing");
  const report = await importPromptFile(
    db,
    projectId,
    { filename: file.name || "upload", text: await file.text(), format: format.data },
    { name, description: upload.field("description") },
  );
  if (!report.promptSet) {
    return json({ error: "no prompt in the file could be imported", ...report }, 422);
  }
  return json(report, 201);
}

export async function importOutputsUpload(
  runtime: Runtime,
  projectId: string,
  req: Request,
): Promise<Response> {
  const upload = await readUploadForm(req, MAX_IMPORT_BYTES);
  if (upload instanceof Response) return upload;
  const promptSet = upload.field("prompt_set");
  if (!promptSet) return error(400, "prompt_set: missing");
  const format = manifestFormat.safeParse(upload.field("format"));
  if (!format.success) return error(400, "format: must be jsonl or csv");

  const files = new Map<string, File>();
  for (const [name, value] of upload.form.entries()) {
    if (value instanceof File && name !== "manifest") files.set(normalizePath(name), value);
  }
  const manifest = upload.file("manifest");
  const parsed = manifest
    ? parseOutputManifest(await manifest.text(), {
        filename: manifest.name || "manifest",
        format: format.data,
      })
    : rowsFromFolderPaths(stripTopFolder([...files.keys()]));
  // A picked folder names its parts `<folder>/<model>/<file>`; a manifest inside it says `<model>/<file>`.
  const byStrippedName = new Map(
    stripTopFolder([...files.keys()]).map((p, i) => [p, [...files.values()][i]!]),
  );

  const report = await importOutputs(runtime, projectId, {
    promptSet,
    rows: parsed.rows,
    parseErrors: parsed.errors,
    createModels: ["true", "1", "on", "yes"].includes(upload.field("create_models") ?? ""),
    readFile: async (file) => {
      const part = files.get(normalizePath(file)) ?? byStrippedName.get(normalizePath(file));
      return part ? Buffer.from(await part.arrayBuffer()) : null;
    },
  });
  return json(report);
}

export async function importReferencesUpload(
  runtime: Runtime,
  projectId: string,
  req: Request,
): Promise<Response> {
  const upload = await readUploadForm(req, MAX_IMPORT_BYTES);
  if (upload instanceof Response) return upload;
  const promptSet = upload.field("prompt_set");
  if (!promptSet) return error(400, "prompt_set: missing");
  const manifest = upload.file("manifest");
  if (!manifest) return error(400, "manifest: missing (a multipart part named `manifest`)");
  const files = new Map<string, File>();
  for (const [name, value] of upload.form.entries()) {
    if (value instanceof File && name !== "manifest") files.set(normalizePath(name), value);
  }
  const parsed = parseReferenceManifest(await manifest.text(), manifest.name || "manifest");
  const report = await importPromptReferences(runtime, projectId, {
    promptSet,
    rows: parsed.rows,
    parseErrors: parsed.errors,
    readFile: async (file) => {
      const part = files.get(normalizePath(file));
      return part ? Buffer.from(await part.arrayBuffer()) : null;
    },
  });
  return json(report);
}
