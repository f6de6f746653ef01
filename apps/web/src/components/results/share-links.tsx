"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { formatDateTime } from "../format";
import { buttonClass, dangerButtonClass } from "../styles";
import { CopyButton } from "../studies/copy-button";
import { useOrigin } from "../studies/use-origin";
import { refreshQueries } from "@/lib/refresh-queries";

/**
 * Read-only links to this leaderboard for people without an account. The link is shown once,
 * right after it is made (only its hash is stored); any link can be revoked.
 */
export function ShareLinks({ projectSlug, studyId }: { projectSlug: string; studyId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const origin = useOrigin();
  const shares = useQuery(trpc.results.shares.queryOptions({ projectSlug, studyId }));
  const refresh = () =>
    refreshQueries(queryClient, { queryKey: trpc.results.shares.queryKey({ projectSlug, studyId }) });
  const create = useMutation(trpc.results.share.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.results.unshare.mutationOptions({ onSuccess: refresh }));
  const newUrl = create.data ? `${origin}${create.data.path}` : null;
  return (
    <div className="space-y-3" data-testid="share-links">
      <button
        type="button"
        className={buttonClass}
        disabled={create.isPending}
        onClick={() => create.mutate({ projectSlug, studyId })}
      >
        Create a share link
      </button>
      {newUrl ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span>New link (shown once):</span>
          <code
            className="rounded bg-zinc-100 px-2 py-1 text-xs dark:bg-zinc-800"
            data-testid="new-share-link"
          >
            {newUrl}
          </code>
          <CopyButton text={newUrl} what="share link" />
        </p>
      ) : null}
      <ErrorMessage>{create.error?.message ?? revoke.error?.message}</ErrorMessage>
      {shares.data && shares.data.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {shares.data.map((s) => (
            <li key={s.id} className="flex items-center gap-3">
              <span>Link made {formatDateTime(s.createdAt)}</span>
              {s.revokedAt ? (
                <span className="text-xs text-red-700 dark:text-red-300">
                  revoked {formatDateTime(s.revokedAt)}
                </span>
              ) : (
                <button
                  type="button"
                  className={dangerButtonClass}
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ projectSlug, studyId, shareId: s.id })}
                >
                  Revoke<span className="sr-only"> the link made {formatDateTime(s.createdAt)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
