"use client";

import { useState, type FormEvent } from "react";
import { partName } from "@/lib/upload";
import { useUpload } from "@/lib/use-upload";
import { ErrorMessage } from "./error-message";
import { FileField } from "./file-field";
import { ImportOutcome, type ImportReportRow } from "./import-report-table";
import { buttonClass, cardClass } from "./styles";

type ReferenceImportReport = {
  rows: ImportReportRow[];
  totals: { rows: number; imported: number; duplicate: number; error: number };
};

/**
 * Attach reference media to this set's prompts — subject images for personalization studies, the
 * source, mask and exemplar for inpainting, the degraded input for restoration — from a manifest
 * and the files it names (the same import as `loupe import references`).
 */
export function ImportReferencesForm({ projectSlug, promptSet }: { projectSlug: string; promptSet: string }) {
  const [manifest, setManifest] = useState<File | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const { pending, report, failure, send } = useUpload<ReferenceImportReport>(
    projectSlug,
    "references",
    (r) => r.totals.imported > 0,
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!manifest) return;
    const form = new FormData();
    form.set("prompt_set", promptSet);
    form.set("manifest", manifest, manifest.name);
    for (const f of files) form.append(partName(f), f, f.name);
    void send(form);
  }

  return (
    <section aria-labelledby="import-references-title" className={`${cardClass} mt-6 p-5`}>
      <h2 id="import-references-title" className="font-semibold">
        Attach reference media
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        A JSONL/CSV manifest with <code>prompt_id</code> (or the exact <code>prompt</code>), <code>role</code>{" "}
        (subject, source, mask, exemplar, degraded, …), <code>file</code> and optionally <code>position</code>
        , and the files it names. Studies show the roles their template asks for beside each pair.
      </p>
      <form onSubmit={onSubmit} className="mt-4 space-y-3">
        <div className="grid gap-3 sm:grid-cols-3">
          <FileField
            id="references-manifest"
            label="Reference manifest"
            accept=".jsonl,.ndjson,.csv"
            onFiles={(picked) => setManifest(picked[0] ?? null)}
          />
          <FileField id="references-folder" label="Folder" directory onFiles={setFiles} />
          <FileField id="references-files" label="or files" multiple onFiles={setFiles} />
        </div>
        <button type="submit" disabled={pending || !manifest || files.length === 0} className={buttonClass}>
          {pending ? "Attaching…" : "Attach references"}
        </button>
        <div aria-live="polite" className="space-y-3">
          {report ? <ImportOutcome caption="Reference import report" report={report} /> : null}
        </div>
        <ErrorMessage>{failure}</ErrorMessage>
      </form>
    </section>
  );
}
