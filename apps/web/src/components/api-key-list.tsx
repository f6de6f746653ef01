"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "./error-message";
import { formatDateTime } from "./format";
import { cardClass, dangerButtonClass, tableClass, tdClass, thClass } from "./styles";
import { refreshQueries } from "@/lib/refresh-queries";

/** The project's API keys (never the keys themselves, only their first characters); revoke here. */
export function ApiKeyList({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ projectSlug }));
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSettled: () => refreshQueries(queryClient, { queryKey: trpc.apiKeys.list.queryKey({ projectSlug }) }),
    }),
  );

  if (keys.isPending) return <p className="text-sm text-zinc-500">Loading API keys…</p>;
  if (keys.isError) return <ErrorMessage>{keys.error.message}</ErrorMessage>;
  if (keys.data.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        No API keys yet. Scripts and training loops use a key to call <code>/api/v1</code> (upload outputs,
        read studies); create one below.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <ErrorMessage>{revoke.error?.message}</ErrorMessage>
      <div className={`${cardClass} overflow-x-auto`}>
        <table className={tableClass}>
          <caption className="sr-only">API keys</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>
                Name
              </th>
              <th scope="col" className={thClass}>
                Key starts with
              </th>
              <th scope="col" className={thClass}>
                Acts as
              </th>
              <th scope="col" className={thClass}>
                Created
              </th>
              <th scope="col" className={thClass}>
                Last used
              </th>
              <th scope="col" className={thClass}>
                <span className="sr-only">Status or action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data.map((k) => (
              <tr key={k.id} className={k.revokedAt ? "text-zinc-400 dark:text-zinc-500" : undefined}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {k.name}
                </th>
                <td className={`${tdClass} font-mono text-xs`}>{k.prefix}…</td>
                <td className={tdClass}>{k.role}</td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  {formatDateTime(k.createdAt)}
                  {k.createdBy ? (
                    <p className="text-xs text-zinc-500 dark:text-zinc-400">by {k.createdBy.email}</p>
                  ) : null}
                </td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  {k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "never"}
                </td>
                <td className={`${tdClass} text-right`}>
                  {k.revokedAt ? (
                    <span className="text-xs">revoked {formatDateTime(k.revokedAt)}</span>
                  ) : (
                    <button
                      type="button"
                      className={dangerButtonClass}
                      disabled={revoke.isPending}
                      aria-label={`Revoke API key ${k.name}`}
                      onClick={() => {
                        if (
                          !window.confirm(
                            `Revoke the key "${k.name}"? Scripts using it stop working at once.`,
                          )
                        )
                          return;
                        revoke.mutate({ projectSlug, id: k.id });
                      }}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
