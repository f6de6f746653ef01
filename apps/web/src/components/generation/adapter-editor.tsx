"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { buttonClass, dangerButtonClass, inputClass, labelClass, secondaryButtonClass } from "../styles";
import { ADAPTER_EXAMPLES, type AdapterExample } from "./adapter-examples";
import { refreshQueries } from "@/lib/refresh-queries";

/**
 * How a model is run, as JSON: an inference server (http), the user's script (command), a local
 * ONNX file (onnx) or files that already exist (import). The server checks every field on save
 * and names the first wrong one; secrets are referenced by name, never pasted here.
 */
export function AdapterEditor({
  projectSlug,
  model,
  onDone,
}: {
  projectSlug: string;
  model: { id: string; name: string; adapter: unknown };
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(() => JSON.stringify(model.adapter ?? ADAPTER_EXAMPLES.http, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(
    trpc.models.setAdapter.mutationOptions({
      onSuccess: async () => {
        await refreshQueries(queryClient, { queryKey: trpc.models.list.queryKey({ projectSlug }) });
        onDone();
      },
    }),
  );
  const id = `adapter-${model.id}`;

  function submit(adapter: unknown) {
    setProblem(null);
    save.mutate({ projectSlug, modelId: model.id, adapter: adapter as never });
  }
  function onSave() {
    try {
      submit(JSON.parse(text));
    } catch (err) {
      setProblem(`Not valid JSON: ${(err as Error).message}`);
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-example`} className={labelClass}>
            Start from an example
          </label>
          <select
            id={`${id}-example`}
            defaultValue=""
            onChange={(e) => {
              const key = e.target.value as AdapterExample | "";
              if (key) setText(JSON.stringify(ADAPTER_EXAMPLES[key], null, 2));
            }}
            className={inputClass}
          >
            <option value="">Choose…</option>
            {Object.keys(ADAPTER_EXAMPLES).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor={id} className={labelClass}>
          Adapter settings for {model.name} (JSON)
        </label>
        <textarea
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={12}
          spellCheck={false}
          className={`${inputClass} font-mono text-xs`}
        />
        <p className="mt-1 text-xs text-zinc-500">
          Placeholders in an http body: {"{{prompt}}"}, {"{{prompt_id}}"}, {"{{seed}}"}, {"{{params}}"},{" "}
          {"{{params.NAME}}"}. Credentials go in Settings → Secrets and are named here with{" "}
          <code>authSecret</code>.
        </p>
      </div>
      <div className="flex gap-2">
        <button type="button" onClick={onSave} disabled={save.isPending} className={buttonClass}>
          {save.isPending ? "Saving…" : "Save adapter"}
        </button>
        <button type="button" onClick={onDone} className={secondaryButtonClass}>
          Cancel
        </button>
        {model.adapter ? (
          <button
            type="button"
            onClick={() => submit(null)}
            disabled={save.isPending}
            className={dangerButtonClass}
          >
            Remove adapter
          </button>
        ) : null}
      </div>
      <ErrorMessage>{problem ?? save.error?.message}</ErrorMessage>
    </div>
  );
}
