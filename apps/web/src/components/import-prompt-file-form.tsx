"use client";

import { useState, type FormEvent } from "react";
import { useUpload } from "@/lib/use-upload";
import { ErrorMessage } from "./error-message";
import { FileField } from "./file-field";
import { ImportReportTable } from "./import-report-table";
import { buttonClass, cardClass, inputClass, labelClass } from "./styles";

type PromptImportReport = {
  promptSet: { id: string; name: string } | null;
  format: string;
  imported: number;
  errors: { line: number; message: string }[];
  rows: (
    { line: number; status: "imported"; prompt: string } | { line: number; status: "error"; reason: string }
  )[];
};

const FORMATS = [
  ["", "Detect from the file"],
  ["tsv", "TSV (e.g. PartiPrompts)"],
  ["csv", "CSV (e.g. Movie Gen Bench, DrawBench)"],
  ["jsonl", "JSONL"],
  ["json", "JSON (HPSv2 benchmark, GenAI-Bench)"],
  ["txt", "Plain text, one prompt per line"],
] as const;

/** Create a prompt set from a file, and show what happened to each row. */
export function ImportPromptFileForm({ projectSlug }: { projectSlug: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [format, setFormat] = useState("");
  const { pending, report, failure, send } = useUpload<PromptImportReport>(
    projectSlug,
    "prompts",
    (r) => r.promptSet !== null,
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.set("file", file, file.name);
    if (name.trim()) form.set("name", name.trim());
    if (format) form.set("format", format);
    void send(form);
  }

  return (
    <section aria-labelledby="import-prompts-title" className={`${cardClass} p-5`}>
      <h2 id="import-prompts-title" className="font-semibold">
        Import a prompt file
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        CSV, TSV, JSONL, JSON or plain text. PartiPrompts&apos; TSV, Movie Gen Bench&apos;s and
        DrawBench&apos;s CSV, the HPSv2 benchmark&apos;s JSON and GenAI-Bench&apos;s JSON are read as they
        are, with their categories, styles and skills as tags. Rows that cannot be read are listed below with
        their line.
      </p>
      <form onSubmit={onSubmit} className="mt-4 space-y-3">
        <div className="grid gap-3 sm:grid-cols-3">
          <FileField
            id="prompt-file"
            label="Prompt file"
            required
            accept=".csv,.tsv,.jsonl,.ndjson,.txt,text/plain,text/csv"
            onFiles={(files) => setFile(files[0] ?? null)}
          />
          <div>
            <label htmlFor="prompt-file-name" className={labelClass}>
              Set name (default: the file name)
            </label>
            <input
              id="prompt-file-name"
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
              className={inputClass}
            />
          </div>
          <div>
            <label htmlFor="prompt-file-format" className={labelClass}>
              Format
            </label>
            <select
              id="prompt-file-format"
              value={format}
              onChange={(e) => setFormat(e.target.value)}
              className={inputClass}
            >
              {FORMATS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" disabled={pending || !file} className={buttonClass}>
          {pending ? "Importing…" : "Import prompts"}
        </button>
        <div aria-live="polite" className="space-y-3">
          {report ? (
            <p className="text-sm" role="status">
              {report.promptSet
                ? `Imported ${report.imported} prompts into ${report.promptSet.name} (${report.format}); ${report.errors.length} rows with errors.`
                : `No prompt could be imported (${report.errors.length} rows with errors).`}
            </p>
          ) : null}
          {report ? (
            <ImportReportTable
              caption="Prompt import report"
              rows={report.rows.map((r) =>
                r.status === "imported"
                  ? { line: r.line, status: r.status, prompt: r.prompt }
                  : { line: r.line, status: r.status, reason: r.reason },
              )}
            />
          ) : null}
        </div>
        <ErrorMessage>{failure}</ErrorMessage>
      </form>
    </section>
  );
}
