"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "./error-message";
import { buttonClass, cardClass, inputClass, labelClass } from "./styles";
import { refreshQueries } from "@/lib/refresh-queries";

/** Register a model by name; its outputs are uploaded afterwards (REST API or CLI). */
export function AddModelForm({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const create = useMutation(
    trpc.models.create.mutationOptions({
      onSuccess: async (model) => {
        setAdded(model.name);
        setName("");
        setDescription("");
        await refreshQueries(queryClient, { queryKey: trpc.models.list.queryKey({ projectSlug }) });
      },
    }),
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setAdded(null);
    create.mutate({ projectSlug, name, description });
  }

  return (
    <section aria-labelledby="add-model-title" className={`${cardClass} p-5`}>
      <h2 id="add-model-title" className="font-semibold">
        Register a model
      </h2>
      <form
        onSubmit={onSubmit}
        className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-[16rem_1fr_auto] md:items-end"
      >
        <div>
          <label htmlFor="model-name" className={labelClass}>
            Name
          </label>
          <input
            id="model-name"
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. sdxl-base-1.0"
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="model-description" className={labelClass}>
            Description (optional)
          </label>
          <input
            id="model-description"
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="checkpoint, sampler, steps…"
            className={inputClass}
          />
        </div>
        <button type="submit" disabled={create.isPending || !name.trim()} className={buttonClass}>
          {create.isPending ? "Registering…" : "Register model"}
        </button>
      </form>
      <div className="mt-3" aria-live="polite">
        {added ? <p className="text-sm text-emerald-700 dark:text-emerald-300">Registered {added}.</p> : null}
      </div>
      <ErrorMessage>{create.error?.message}</ErrorMessage>
    </section>
  );
}
