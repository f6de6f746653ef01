"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { formatCount } from "../format";
import { cardClass, dangerButtonClass, inputClass, tableClass, tdClass, thClass } from "../styles";
import { CopyButton } from "./copy-button";
import { useOrigin } from "./use-origin";
import { refreshQueries } from "@/lib/refresh-queries";

/** The study's invite links, each with its full URL to copy, raters joined, completion code, revoke. */
export function InviteList({ projectSlug, studyId }: { projectSlug: string; studyId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const origin = useOrigin();
  const invites = useQuery(trpc.studies.invites.queryOptions({ projectSlug, studyId }));
  const revoke = useMutation(
    trpc.studies.revokeInvite.mutationOptions({
      onSuccess: () =>
        refreshQueries(queryClient, { queryKey: trpc.studies.invites.queryKey({ projectSlug, studyId }) }),
    }),
  );

  if (invites.isPending) return <p className="text-sm text-zinc-500">Loading invite links…</p>;
  if (invites.isError) return <ErrorMessage>{invites.error.message}</ErrorMessage>;
  if (invites.data.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No invite links yet.</p>;
  return (
    <div className="space-y-2">
      <div className={`${cardClass} overflow-x-auto`}>
        <table className={tableClass}>
          <caption className="sr-only">Invite links</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>
                Label
              </th>
              <th scope="col" className={thClass}>
                Link
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Raters
              </th>
              <th scope="col" className={thClass}>
                Completion code
              </th>
              <th scope="col" className={thClass}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invites.data.map((invite) => {
              const url = `${origin}${invite.path}`;
              const name = invite.label || "unlabelled";
              return (
                <tr key={invite.id} className={invite.revoked ? "opacity-60" : undefined}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {name}
                    {invite.revoked ? <span className="ml-2 text-xs text-red-700">revoked</span> : null}
                  </th>
                  <td className={`${tdClass} min-w-80`}>
                    <div className="flex items-center gap-2">
                      <input
                        readOnly
                        value={url}
                        aria-label={`Invite link ${name}`}
                        onFocus={(e) => e.target.select()}
                        className={`${inputClass} font-mono text-xs`}
                      />
                      <CopyButton text={url} what={`invite link ${name}`} />
                    </div>
                    {invite.externalIdParam ? (
                      <p className="mt-1 text-xs text-zinc-500">
                        Replace the {`{{${invite.externalIdParam}}}`} placeholder with your platform&apos;s
                        worker id.
                      </p>
                    ) : null}
                  </td>
                  <td className={`${tdClass} text-right whitespace-nowrap tabular-nums`}>
                    {formatCount(invite.raterCount)} /{" "}
                    {invite.maxRaters === null ? "∞" : formatCount(invite.maxRaters)}
                  </td>
                  <td className={`${tdClass} font-mono`}>{invite.completionCode}</td>
                  <td className={tdClass}>
                    {invite.revoked ? null : (
                      <button
                        type="button"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate({ projectSlug, inviteId: invite.id })}
                        className={dangerButtonClass}
                      >
                        Revoke<span className="sr-only"> {name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ErrorMessage>{revoke.error?.message}</ErrorMessage>
    </div>
  );
}
