"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "./error-message";
import { buttonClass } from "./styles";
import { refreshQueries } from "@/lib/refresh-queries";

/** Queues a real job that re-hashes every stored file of the project's media. */
export function VerifyMediaButton({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const verify = useMutation(
    trpc.jobs.verifyMedia.mutationOptions({
      onSuccess: () =>
        refreshQueries(queryClient, { queryKey: trpc.jobs.list.queryKey({ projectSlug, take: 50 }) }),
    }),
  );
  return (
    <div className="flex flex-col items-end gap-2">
      <button
        type="button"
        onClick={() => verify.mutate({ projectSlug })}
        disabled={verify.isPending}
        className={buttonClass}
        aria-describedby="verify-media-hint"
      >
        {verify.isPending ? "Queuing…" : "Verify media storage"}
      </button>
      <p id="verify-media-hint" className="sr-only">
        Re-reads every stored original and thumbnail of this project and checks each still matches its sha256.
      </p>
      <ErrorMessage>{verify.error?.message}</ErrorMessage>
    </div>
  );
}
