"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import {
  buttonClass,
  cardClass,
  secondaryButtonClass,
  hintClass,
  inputClass,
  labelClass,
  tableClass,
  tdClass,
  thClass,
} from "../styles";
import { curationRunHref } from "./hrefs";
import { definitionYaml } from "./pipeline-form-state";
import { PipelineForm } from "./pipeline-form";
import { examplePipeline, parsePipelineText } from "./pipeline-text";
import type { Catalogue } from "./types";
import { refreshQueries } from "@/lib/refresh-queries";

/**
 * Starting a run from the page: the pipeline as a form, or as YAML or JSON (the same file
 * `loupe curate run` takes), checked whole by the server before any work — and the stages to choose
 * from, with their options and defaults, beside it.
 */
export function NewCurationRunForm({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const catalogue = useQuery(trpc.curation.catalogue.queryOptions({ projectSlug }));
  const [mode, setMode] = useState<"form" | "text">("form");
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.curation.create.mutationOptions({
      onSuccess: async (run) => {
        await refreshQueries(queryClient, { queryKey: trpc.curation.list.queryKey({ projectSlug }) });
        router.push(curationRunHref(projectSlug, run.id));
      },
    }),
  );
  if (catalogue.isPending) return <p className="text-sm text-zinc-500">Loading the stages…</p>;
  if (catalogue.isError) return <ErrorMessage>{catalogue.error.message}</ErrorMessage>;
  const { roots, stages, videoStages } = catalogue.data;
  const value = text ?? examplePipeline(roots[0] ?? "/data");

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = parsePipelineText(value);
    if ("error" in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    create.mutate({ projectSlug, definition: parsed.definition });
  }

  return (
    <section className={`${cardClass} space-y-4 p-4`} aria-labelledby="new-curation-run">
      <h2 id="new-curation-run" className="text-base font-semibold">
        New curation run
      </h2>
      <div className="flex gap-2" role="group" aria-label="Define the pipeline with">
        {(
          [
            ["form", "Form"],
            ["text", "YAML or JSON"],
          ] as const
        ).map(([m, label]) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            className={mode === m ? buttonClass : secondaryButtonClass}
            onClick={() => setMode(m)}
          >
            {label}
          </button>
        ))}
      </div>
      {mode === "form" ? (
        <>
          <PipelineForm
            root={roots[0] ?? "/data"}
            catalogue={{ image: stages, video: videoStages }}
            pending={create.isPending}
            onSubmit={(definition) => create.mutate({ projectSlug, definition })}
            onEditAsYaml={(definition) => {
              setText(definitionYaml(definition));
              setMode("text");
            }}
          />
          <ErrorMessage>{create.error?.message}</ErrorMessage>
        </>
      ) : (
        <form onSubmit={submit} className="space-y-3">
          <div>
            <label htmlFor="pipeline" className={labelClass}>
              Pipeline (YAML or JSON)
            </label>
            <textarea
              id="pipeline"
              className={`${inputClass} min-h-80 font-mono text-xs`}
              spellCheck={false}
              value={value}
              onChange={(e) => setText(e.target.value)}
            />
            <p className={hintClass}>
              Runs started here may read these folders:{" "}
              {roots.map((r) => (
                <code key={r}>{r} </code>
              ))}
              (set <code>LOUPE_CURATION_ROOTS</code> to change them; <code>loupe curate run</code> reads any
              folder).
            </p>
          </div>
          <ErrorMessage>{error ?? create.error?.message}</ErrorMessage>
          <button type="submit" className={buttonClass} disabled={create.isPending}>
            {create.isPending ? "Starting…" : "Start run"}
          </button>
        </form>
      )}
      <StageTable title="Image stages and their options" stages={stages} />
      <StageTable title="Video stages (media: video) and their options" stages={videoStages} />
    </section>
  );
}

/** The stages a pipeline may name, with what each reads, its options' defaults and its scores. */
function StageTable({ title, stages }: { title: string; stages: Catalogue["stages"] }) {
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium">{title}</summary>
      <table className={`${tableClass} mt-2`}>
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Stage
            </th>
            <th scope="col" className={thClass}>
              Reads
            </th>
            <th scope="col" className={thClass}>
              Options (defaults)
            </th>
            <th scope="col" className={thClass}>
              Scores
            </th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s.id}>
              <td className={tdClass}>
                <code>{s.id}</code> — {s.label}
              </td>
              <td className={tdClass}>
                {s.cost}
                {s.modelKind ? ` (a registered ${s.modelKind} model)` : ""}
              </td>
              <td className={`${tdClass} font-mono text-xs`}>{JSON.stringify(s.defaults)}</td>
              <td className={`${tdClass} text-xs`}>{s.scoreNames.join(", ") || "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
