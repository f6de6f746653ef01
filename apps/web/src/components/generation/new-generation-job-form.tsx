"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { buttonClass, cardClass, inputClass, labelClass } from "../styles";
import { refreshQueries } from "@/lib/refresh-queries";

/** "4" → 4 seeds (0–3); "1, 7, 42" → those seeds; anything else → null (shown as a problem). */
export function parseSeedsField(value: string): number | string[] | null {
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) >= 1 ? Number(v) : null;
  const list = v.split(",").map((s) => s.trim());
  return list.length > 0 && list.every((s) => /^-?\d+$/.test(s)) ? list : null;
}

function parseParamsField(value: string): Record<string, unknown> | null {
  if (!value.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Start a generation job: a model with an adapter, a prompt set, seeds and sampling parameters. */
export function NewGenerationJobForm({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const models = useQuery(trpc.models.list.queryOptions({ projectSlug }));
  const promptSets = useQuery(trpc.promptSets.list.queryOptions({ projectSlug }));
  const [model, setModel] = useState("");
  const [promptSet, setPromptSet] = useState("");
  const [seeds, setSeeds] = useState("1");
  const [params, setParams] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation(
    trpc.generation.create.mutationOptions({
      onSuccess: async (job) => {
        await refreshQueries(queryClient, { queryKey: trpc.generation.list.queryKey({ projectSlug }) });
        router.push(`/p/${encodeURIComponent(projectSlug)}/generation/${job.id}`);
      },
    }),
  );
  const runnable = models.data?.filter((m) => m.adapter) ?? [];

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsedSeeds = parseSeedsField(seeds);
    const parsedParams = parseParamsField(params);
    if (parsedSeeds === null)
      return setProblem('Seeds: a count ("4" runs seeds 0–3) or a list ("1, 7, 42").');
    if (parsedParams === null) return setProblem('Parameters: a JSON object, e.g. {"steps": 4}.');
    setProblem(null);
    create.mutate({
      projectSlug,
      model,
      promptSet,
      seeds: parsedSeeds,
      params: parsedParams as Record<string, never>,
    });
  }

  return (
    <section aria-labelledby="new-generation-title" className={`${cardClass} p-5`}>
      <h2 id="new-generation-title" className="font-semibold">
        Start a generation job
      </h2>
      {models.isSuccess && runnable.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          No model has an adapter yet: set one on the Models page (how the model is run), then come back.
        </p>
      ) : null}
      <form onSubmit={onSubmit} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2">
        <div>
          <label htmlFor="generation-model" className={labelClass}>
            Model
          </label>
          <select
            id="generation-model"
            required
            value={model}
            onChange={(e) => setModel(e.target.value)}
            className={inputClass}
          >
            <option value="">Choose a model…</option>
            {runnable.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.adapter!.kind})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="generation-prompt-set" className={labelClass}>
            Prompt set
          </label>
          <select
            id="generation-prompt-set"
            required
            value={promptSet}
            onChange={(e) => setPromptSet(e.target.value)}
            className={inputClass}
          >
            <option value="">Choose a prompt set…</option>
            {promptSets.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.promptCount} prompts)
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="generation-seeds" className={labelClass}>
            Seeds
          </label>
          <input
            id="generation-seeds"
            value={seeds}
            onChange={(e) => setSeeds(e.target.value)}
            aria-describedby="generation-seeds-help"
            className={inputClass}
          />
          <p id="generation-seeds-help" className="mt-1 text-xs text-zinc-500">
            A count (4 runs seeds 0–3) or a comma-separated list.
          </p>
        </div>
        <div>
          <label htmlFor="generation-params" className={labelClass}>
            Sampling parameters (JSON, optional)
          </label>
          <input
            id="generation-params"
            value={params}
            onChange={(e) => setParams(e.target.value)}
            placeholder='{"steps": 4, "guidance": 7.5}'
            aria-describedby="generation-params-help"
            className={`${inputClass} font-mono`}
          />
          <p id="generation-params-help" className="mt-1 text-xs text-zinc-500">
            Over the model&rsquo;s defaults. Outputs that already exist for the same model, prompt, seed and
            parameters are kept, not made again.
          </p>
        </div>
        <div className="md:col-span-2">
          <button type="submit" disabled={create.isPending || !model || !promptSet} className={buttonClass}>
            {create.isPending ? "Starting…" : "Start generating"}
          </button>
        </div>
      </form>
      <ErrorMessage>{problem ?? create.error?.message}</ErrorMessage>
    </section>
  );
}
