"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { buttonClass, cardClass, inputClass, labelClass } from "../styles";
import type { MetricDefinition } from "./types";
import { refreshQueries } from "@/lib/refresh-queries";

type Scope = "study" | "prompt-set" | "generation-job";
type MetricId = MetricDefinition["id"];

/**
 * Start an evaluation run: which outputs (fixed when opened from a study), which metrics, the
 * registered model each neural metric uses, and FID/KID's reference set. A metric whose kind of
 * model is not registered is shown with how to register one.
 */
export function NewEvaluationForm({
  projectSlug,
  fixedScope,
  onCreated,
}: {
  projectSlug: string;
  fixedScope?: { scope: Scope; scopeId: string };
  onCreated?: (runId: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const metrics = useQuery(trpc.evaluations.metrics.queryOptions({ projectSlug }));
  const registered = useQuery(trpc.evaluations.models.queryOptions({ projectSlug }));
  const projectModels = useQuery(trpc.models.list.queryOptions({ projectSlug }));
  const promptSets = useQuery({
    ...trpc.promptSets.list.queryOptions({ projectSlug }),
    enabled: !fixedScope,
  });
  const generationJobs = useQuery({
    ...trpc.generation.list.queryOptions({ projectSlug }),
    enabled: !fixedScope,
  });
  const [scope, setScope] = useState<Scope>(fixedScope?.scope ?? "prompt-set");
  const [scopeId, setScopeId] = useState(fixedScope?.scopeId ?? "");
  const [chosen, setChosen] = useState<Partial<Record<MetricId, string>>>({});
  const [referenceModel, setReferenceModel] = useState("");
  const [referenceRole, setReferenceRole] = useState("");
  const [pckAlpha, setPckAlpha] = useState("0.1");
  const [pckBox, setPckBox] = useState<"object" | "image">("object");
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation(
    trpc.evaluations.create.mutationOptions({
      onSuccess: async (run) => {
        await refreshQueries(queryClient, { queryKey: trpc.evaluations.list.queryKey() });
        setChosen({});
        onCreated?.(run.id);
      },
    }),
  );

  const modelsOfKind = (kind: string | undefined) => registered.data?.filter((m) => m.kind === kind) ?? [];

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const picked = Object.entries(chosen) as [MetricId, string][];
    if (!scopeId) return setProblem("Choose which outputs to evaluate.");
    if (picked.length === 0) return setProblem("Choose at least one metric.");
    const needsReference = picked.some(([id]) => id === "fid" || id === "kid");
    if (needsReference && !referenceModel && !referenceRole.trim())
      return setProblem("FID and KID need a reference set: a model's outputs or a reference-image role.");
    const alpha = Number(pckAlpha);
    if ("pck" in chosen && !(alpha > 0 && alpha <= 1))
      return setProblem("PCK's α is a number above 0 and at most 1.");
    setProblem(null);
    create.mutate({
      projectSlug,
      scope,
      scopeId,
      config: {
        metrics: picked.map(([metric, model]) => ({
          metric,
          ...(model ? { model } : {}),
          ...(metric === "fid" || metric === "kid"
            ? { reference: referenceModel ? { model: referenceModel } : { role: referenceRole.trim() } }
            : {}),
          ...(metric === "pck" ? { alpha, pckBox } : {}),
        })),
      },
    });
  }

  const targets =
    scope === "prompt-set"
      ? (promptSets.data ?? []).map((p) => ({ id: p.id, label: p.name }))
      : (generationJobs.data ?? []).map((j) => ({ id: j.id, label: `${j.model} on ${j.promptSet}` }));

  return (
    <form onSubmit={onSubmit} className={`${cardClass} space-y-4 p-4`} aria-label="New evaluation">
      <h2 className="text-base font-semibold">Compute automatic metrics</h2>
      {fixedScope ? null : (
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="evaluation-scope" className={labelClass}>
              Outputs of
            </label>
            <select
              id="evaluation-scope"
              className={inputClass}
              value={scope}
              onChange={(e) => {
                setScope(e.target.value as Scope);
                setScopeId("");
              }}
            >
              <option value="prompt-set">a prompt set</option>
              <option value="generation-job">a generation job</option>
            </select>
          </div>
          <div>
            <label htmlFor="evaluation-target" className={labelClass}>
              {scope === "prompt-set" ? "Prompt set" : "Generation job"}
            </label>
            <select
              id="evaluation-target"
              className={inputClass}
              value={scopeId}
              onChange={(e) => setScopeId(e.target.value)}
            >
              <option value="">Choose…</option>
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <fieldset>
        <legend className={labelClass}>Metrics</legend>
        <ul className="space-y-2">
          {(metrics.data ?? []).map((m) => {
            const kinds = modelsOfKind(m.modelKind);
            const unavailable = m.modelKind !== undefined && kinds.length === 0;
            const checked = m.id in chosen;
            return (
              <li key={m.id} className="flex flex-wrap items-center gap-2 text-sm">
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={unavailable}
                    onChange={(e) =>
                      setChosen((c) => {
                        const next = { ...c };
                        if (e.target.checked) next[m.id] = kinds[0]?.name ?? "";
                        else delete next[m.id];
                        return next;
                      })
                    }
                  />
                  <span className="font-medium">{m.label}</span>
                </label>
                <span className="text-xs text-zinc-500">{m.definition}</span>
                {checked && kinds.length > 1 ? (
                  <select
                    aria-label={`Model for ${m.label}`}
                    className={`${inputClass} w-auto`}
                    value={chosen[m.id]}
                    onChange={(e) => setChosen((c) => ({ ...c, [m.id]: e.target.value }))}
                  >
                    {kinds.map((k) => (
                      <option key={k.name}>{k.name}</option>
                    ))}
                  </select>
                ) : null}
                {unavailable ? (
                  <span className="text-xs text-amber-700 dark:text-amber-400">
                    needs a registered {m.modelKind} model:{" "}
                    <code>loupe models add … --kind {m.modelKind}</code> (docs/models.md)
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      {"pck" in chosen ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="evaluation-pck-alpha" className={labelClass}>
              PCK α (SPair-71k reports 0.1)
            </label>
            <input
              id="evaluation-pck-alpha"
              className={inputClass}
              inputMode="decimal"
              value={pckAlpha}
              onChange={(e) => setPckAlpha(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="evaluation-pck-box" className={labelClass}>
              α of the longer side of
            </label>
            <select
              id="evaluation-pck-box"
              className={inputClass}
              value={pckBox}
              onChange={(e) => setPckBox(e.target.value as "object" | "image")}
            >
              <option value="object">the target object&rsquo;s box</option>
              <option value="image">the target image</option>
            </select>
          </div>
        </div>
      ) : null}
      {"fid" in chosen || "kid" in chosen ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="evaluation-reference-model" className={labelClass}>
              FID/KID reference: a model&rsquo;s outputs
            </label>
            <select
              id="evaluation-reference-model"
              className={inputClass}
              value={referenceModel}
              onChange={(e) => setReferenceModel(e.target.value)}
            >
              <option value="">—</option>
              {(projectModels.data ?? []).map((m) => (
                <option key={m.id} value={m.name}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="evaluation-reference-role" className={labelClass}>
              or the prompts&rsquo; reference images of role
            </label>
            <input
              id="evaluation-reference-role"
              className={inputClass}
              placeholder="target"
              value={referenceRole}
              disabled={!!referenceModel}
              onChange={(e) => setReferenceRole(e.target.value)}
            />
          </div>
        </div>
      ) : null}
      <ErrorMessage>{problem ?? create.error?.message}</ErrorMessage>
      <button type="submit" className={buttonClass} disabled={create.isPending}>
        {create.isPending ? "Starting…" : "Start evaluation"}
      </button>
    </form>
  );
}
