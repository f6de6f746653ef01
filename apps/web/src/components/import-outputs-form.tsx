"use client";

import { useState, type FormEvent } from "react";
import { partName } from "@/lib/upload";
import { useUpload } from "@/lib/use-upload";
import { ErrorMessage } from "./error-message";
import { FileField } from "./file-field";
import { ImportOutcome, type ImportReportRow } from "./import-report-table";
import { buttonClass, cardClass, inputClass, labelClass } from "./styles";

type OutputImportReport = {
  rows: ImportReportRow[];
  totals: { rows: number; imported: number; duplicate: number; error: number };
  createdModels: string[];
};

/**
 * Import outputs: a folder laid out as <model>/<prompt_id>[_<seed>].<ext>, or a manifest with
 * the files it names. Everything goes in one request to the same import as `loupe import outputs`.
 */
export function ImportOutputsForm({
  projectSlug,
  promptSets,
}: {
  projectSlug: string;
  promptSets: string[];
}) {
  const [promptSet, setPromptSet] = useState(promptSets[0] ?? "");
  const [manifest, setManifest] = useState<File | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [createModels, setCreateModels] = useState(false);
  const { pending, report, failure, send } = useUpload<OutputImportReport>(
    projectSlug,
    "outputs",
    (r) => r.totals.imported > 0,
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData();
    form.set("prompt_set", promptSet);
    if (createModels) form.set("create_models", "true");
    if (manifest) form.set("manifest", manifest, manifest.name);
    for (const f of files) form.append(partName(f), f, f.name);
    void send(form);
  }

  if (promptSets.length === 0) return null;
  return (
    <section aria-labelledby="import-outputs-title" className={`${cardClass} mb-6 p-5`}>
      <h2 id="import-outputs-title" className="font-semibold">
        Import outputs
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Pick a folder laid out as <code>&lt;model&gt;/&lt;prompt_id&gt;[_&lt;seed&gt;].&lt;ext&gt;</code>, or
        a JSONL/CSV manifest (model, prompt_id or prompt, seed, file, params, latency_ms, steps) with the
        files it names. Images, MP4/WebM video and MP3/WAV/Ogg/FLAC/M4A audio are checked and deduplicated.
      </p>
      <form onSubmit={onSubmit} className="mt-4 space-y-3">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label htmlFor="outputs-prompt-set" className={labelClass}>
              Prompt set
            </label>
            <select
              id="outputs-prompt-set"
              value={promptSet}
              onChange={(e) => setPromptSet(e.target.value)}
              className={inputClass}
            >
              {promptSets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <FileField id="outputs-folder" label="Folder" directory onFiles={setFiles} />
          <FileField id="outputs-files" label="or files" multiple onFiles={setFiles} />
          <FileField
            id="outputs-manifest"
            label="Manifest (optional)"
            accept=".jsonl,.ndjson,.csv"
            onFiles={(picked) => setManifest(picked[0] ?? null)}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={createModels} onChange={(e) => setCreateModels(e.target.checked)} />
          Register models this project does not have yet (otherwise their rows are errors)
        </label>
        <button type="submit" disabled={pending || files.length === 0 || !promptSet} className={buttonClass}>
          {pending ? "Importing…" : `Import ${files.length} ${files.length === 1 ? "file" : "files"}`}
        </button>
        <div aria-live="polite" className="space-y-3">
          {report ? (
            <ImportOutcome
              caption="Outputs import report"
              report={report}
              note={
                report.createdModels.length > 0
                  ? ` Registered models: ${report.createdModels.join(", ")}.`
                  : ""
              }
            />
          ) : null}
        </div>
        <ErrorMessage>{failure}</ErrorMessage>
      </form>
    </section>
  );
}
