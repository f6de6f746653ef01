"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { dangerButtonClass, inputClass, secondaryButtonClass } from "../styles";
import type { MonitorRater } from "./types";
import { refreshQueries } from "@/lib/refresh-queries";

/**
 * Exclude a rater (with an optional reason) or take them back. Judgments are never deleted, only
 * marked; the API logs each change, and a person's decision overrides the automatic rule.
 */
export function RaterExclusion({ projectSlug, rater }: { projectSlug: string; rater: MonitorRater }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const mutation = useMutation(
    trpc.studies.setRaterExcluded.mutationOptions({
      onSuccess: async () => {
        setAsking(false);
        setReason("");
        await refreshQueries(queryClient, { queryKey: trpc.studies.monitor.pathKey() });
      },
    }),
  );
  const set = (excluded: boolean) =>
    mutation.mutate({ projectSlug, raterId: rater.id, excluded, reason: reason.trim() || undefined });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    set(!rater.excluded);
  }

  if (!asking)
    return (
      <button
        type="button"
        onClick={() => setAsking(true)}
        className={rater.excluded ? secondaryButtonClass : dangerButtonClass}
      >
        {rater.excluded ? "Include…" : "Exclude…"}
        <span className="sr-only"> {rater.name}</span>
      </button>
    );
  const reasonId = `exclude-reason-${rater.id}`;
  return (
    <form onSubmit={onSubmit} className="flex min-w-56 flex-col gap-1">
      <label htmlFor={reasonId} className="text-xs text-zinc-600 dark:text-zinc-400">
        Reason (optional)
      </label>
      <input
        id={reasonId}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className={inputClass}
      />
      <div className="flex gap-1">
        <button
          type="submit"
          disabled={mutation.isPending}
          className={rater.excluded ? secondaryButtonClass : dangerButtonClass}
        >
          {rater.excluded ? "Include" : "Exclude"}
        </button>
        <button type="button" onClick={() => setAsking(false)} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
      <ErrorMessage>{mutation.error?.message}</ErrorMessage>
    </form>
  );
}
