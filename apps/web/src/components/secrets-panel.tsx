"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "./error-message";
import { formatDateTime } from "./format";
import {
  buttonClass,
  cardClass,
  dangerButtonClass,
  inputClass,
  labelClass,
  tableClass,
  tdClass,
  thClass,
} from "./styles";
import { refreshQueries } from "@/lib/refresh-queries";

/**
 * Credentials adapters use (an inference server's API key). Values are encrypted at rest and never
 * shown again, not even here: to change one, save it again under the same name.
 */
export function SecretsPanel({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const secrets = useQuery(trpc.secrets.list.queryOptions({ projectSlug }));
  const refresh = () =>
    refreshQueries(queryClient, { queryKey: trpc.secrets.list.queryKey({ projectSlug }) });
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation(
    trpc.secrets.set.mutationOptions({
      onSuccess: async (s) => {
        setSaved(s.name);
        setName("");
        setValue("");
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.secrets.delete.mutationOptions({ onSuccess: refresh }));

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(null);
    save.mutate({ projectSlug, name, value });
  }

  return (
    <div className="space-y-4">
      {secrets.data && secrets.data.length > 0 ? (
        <div className={`${cardClass} overflow-x-auto`}>
          <table className={tableClass}>
            <caption className="sr-only">Secrets</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>
                  Name
                </th>
                <th scope="col" className={thClass}>
                  Last set
                </th>
                <th scope="col" className={thClass}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {secrets.data.map((s) => (
                <tr key={s.name}>
                  <th scope="row" className={`${tdClass} font-mono font-medium`}>
                    {s.name}
                  </th>
                  <td className={tdClass}>{formatDateTime(s.updatedAt)}</td>
                  <td className={`${tdClass} text-right`}>
                    <button
                      type="button"
                      onClick={() => remove.mutate({ projectSlug, name: s.name })}
                      aria-label={`Delete the secret ${s.name}`}
                      className={dangerButtonClass}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : secrets.isSuccess ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No secrets yet.</p>
      ) : null}
      <form
        onSubmit={onSubmit}
        className={`${cardClass} grid grid-cols-1 gap-3 p-5 md:grid-cols-[16rem_1fr_auto] md:items-end`}
      >
        <div>
          <label htmlFor="secret-name" className={labelClass}>
            Secret name
          </label>
          <input
            id="secret-name"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. image-api-key"
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="secret-value" className={labelClass}>
            Secret value
          </label>
          <input
            id="secret-value"
            type="password"
            required
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            className={inputClass}
          />
        </div>
        <button type="submit" disabled={save.isPending || !name.trim() || !value} className={buttonClass}>
          {save.isPending ? "Saving…" : "Save secret"}
        </button>
      </form>
      <div aria-live="polite">
        {saved ? (
          <p className="text-sm text-emerald-700 dark:text-emerald-300">Saved {saved} (encrypted).</p>
        ) : null}
      </div>
      <ErrorMessage>{save.error?.message ?? remove.error?.message ?? secrets.error?.message}</ErrorMessage>
    </div>
  );
}
