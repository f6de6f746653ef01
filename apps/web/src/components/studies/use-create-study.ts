"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { errorMessage } from "../format";
import type { LaunchReport, PairwiseConfigInput } from "./types";
import { refreshQueries } from "@/lib/refresh-queries";

export type CreateResult = { studyId: string; report: LaunchReport | null };

/**
 * Create a study — or save an existing draft's changes (`draftId`) — and optionally launch it
 * right after. The two are separate API calls, so a failed launch leaves a draft: the result then
 * carries the draft's id beside the error.
 */
export function useCreateStudy(projectSlug: string, draftId?: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.studies.create.mutationOptions());
  const update = useMutation(trpc.studies.update.mutationOptions());
  const launch = useMutation(trpc.studies.launch.mutationOptions());
  const [result, setResult] = useState<CreateResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(name: string, config: PairwiseConfigInput, andLaunch: boolean) {
    setError(null);
    let studyId: string | null = null;
    try {
      if (draftId) {
        await update.mutateAsync({ projectSlug, studyId: draftId, name, config });
        studyId = draftId;
      } else studyId = (await create.mutateAsync({ projectSlug, name, config })).id;
      const report = andLaunch ? await launch.mutateAsync({ projectSlug, studyId }) : null;
      setResult({ studyId, report });
    } catch (err) {
      setError(errorMessage(err));
      if (studyId) setResult({ studyId, report: null });
    } finally {
      await refreshQueries(queryClient, { queryKey: trpc.studies.list.queryKey({ projectSlug }) });
    }
  }

  return {
    run,
    result,
    error,
    editing: draftId !== undefined,
    pending: create.isPending || update.isPending || launch.isPending,
  };
}
