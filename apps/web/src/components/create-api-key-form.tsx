"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "./error-message";
import { NewApiKeyNotice } from "./new-api-key-notice";
import { RoleSelect } from "./role-select";
import type { Role } from "./roles";
import { buttonClass, cardClass, inputClass, labelClass } from "./styles";
import { refreshQueries } from "@/lib/refresh-queries";

/** Create a key for scripts; the key itself is shown once, right here. */
export function CreateApiKeyForm({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("researcher");
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async (key) => {
        setCreated({ name: key.name, key: key.key });
        setName("");
        await refreshQueries(queryClient, { queryKey: trpc.apiKeys.list.queryKey({ projectSlug }) });
      },
    }),
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setCreated(null);
    create.mutate({ projectSlug, name, role });
  }

  return (
    <section aria-labelledby="create-key-title" className={`${cardClass} space-y-4 p-5`}>
      <h3 id="create-key-title" className="font-semibold">
        Create an API key
      </h3>
      {created ? (
        <NewApiKeyNotice name={created.name} apiKey={created.key} onDone={() => setCreated(null)} />
      ) : null}
      <form onSubmit={onSubmit} className="grid grid-cols-1 gap-3 md:grid-cols-[1fr_20rem_auto] md:items-end">
        <div>
          <label htmlFor="api-key-name" className={labelClass}>
            Name
          </label>
          <input
            id="api-key-name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. training cluster uploader"
            className={inputClass}
          />
        </div>
        <div>
          <RoleSelect id="api-key-role" label="Acts as" value={role} onChange={setRole} />
        </div>
        <button type="submit" disabled={create.isPending || !name.trim()} className={buttonClass}>
          {create.isPending ? "Creating…" : "Create key"}
        </button>
      </form>
      <ErrorMessage>{create.error?.message}</ErrorMessage>
    </section>
  );
}
