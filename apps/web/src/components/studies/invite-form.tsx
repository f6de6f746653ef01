"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { buttonClass, inputClass, labelClass } from "../styles";
import { refreshQueries } from "@/lib/refresh-queries";

/** Create an invite link: a label, an optional cap, the worker-id URL parameter and completion code. */
export function InviteForm({ projectSlug, studyId }: { projectSlug: string; studyId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState("");
  const [maxRaters, setMaxRaters] = useState("");
  const [externalIdParam, setExternalIdParam] = useState("");
  const [completionCode, setCompletionCode] = useState("");
  const create = useMutation(
    trpc.studies.createInvite.mutationOptions({
      onSuccess: async () => {
        setLabel("");
        setMaxRaters("");
        setExternalIdParam("");
        setCompletionCode("");
        await refreshQueries(queryClient, {
          queryKey: trpc.studies.invites.queryKey({ projectSlug, studyId }),
        });
      },
    }),
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    create.mutate({
      projectSlug,
      studyId,
      label,
      maxRaters: maxRaters.trim() ? Number(maxRaters) : null,
      externalIdParam: externalIdParam.trim() || null,
      completionCode: completionCode.trim() || undefined,
    });
  }

  return (
    <form onSubmit={onSubmit} aria-label="Create an invite link" className="space-y-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 sm:items-end lg:grid-cols-4">
        <div>
          <label htmlFor="invite-label" className={labelClass}>
            Label
          </label>
          <input
            id="invite-label"
            maxLength={100}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            placeholder="e.g. Prolific batch 1"
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="invite-max" className={labelClass}>
            Most raters (optional)
          </label>
          <input
            id="invite-max"
            type="number"
            min={1}
            value={maxRaters}
            onChange={(e) => setMaxRaters(e.target.value)}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="invite-param" className={labelClass}>
            Worker-id URL parameter (optional)
          </label>
          <input
            id="invite-param"
            maxLength={40}
            value={externalIdParam}
            onChange={(e) => setExternalIdParam(e.target.value)}
            placeholder="e.g. PROLIFIC_PID"
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="invite-code" className={labelClass}>
            Completion code (optional)
          </label>
          <input
            id="invite-code"
            maxLength={100}
            value={completionCode}
            onChange={(e) => setCompletionCode(e.target.value)}
            placeholder="generated when empty"
            className={inputClass}
          />
        </div>
      </div>
      <button type="submit" disabled={create.isPending} className={buttonClass}>
        {create.isPending ? "Creating…" : "Create invite link"}
      </button>
      <ErrorMessage>{create.error?.message}</ErrorMessage>
    </form>
  );
}
