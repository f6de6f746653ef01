"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { errorMessage } from "../format";
import { safetyHrefs } from "./hrefs";
import type { SafetyConfigInput } from "./types";
import { refreshQueries } from "@/lib/refresh-queries";

/**
 * Create a safety review, launch it, and open its report. Creating and launching are two API
 * calls, so a failed launch leaves a draft: the next submit saves the form into that draft and
 * launches it, instead of making a second study.
 */
export function useCreateSafetyReview(projectSlug: string) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.studies.create.mutationOptions());
  const update = useMutation(trpc.studies.update.mutationOptions());
  const launch = useMutation(trpc.studies.launch.mutationOptions());
  const [draftId, setDraftId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);

  async function submit(name: string, config: SafetyConfigInput) {
    setError(null);
    let studyId = draftId;
    try {
      if (studyId) await update.mutateAsync({ projectSlug, studyId, name, config });
      else {
        studyId = (await create.mutateAsync({ projectSlug, name, config })).id;
        setDraftId(studyId);
      }
      await launch.mutateAsync({ projectSlug, studyId });
      setOpening(true);
      router.push(safetyHrefs(projectSlug).report(studyId));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      await refreshQueries(queryClient, { queryKey: trpc.studies.list.queryKey({ projectSlug }) });
    }
  }

  return {
    submit,
    error,
    draftId,
    pending: opening || create.isPending || update.isPending || launch.isPending,
  };
}
