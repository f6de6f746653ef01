"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { buttonClass, cardClass, inputClass, labelClass } from "../styles";
import { EntryListEditor } from "./entry-list-editor";
import { categoryDrafts, severityDrafts, toCategories, toSeverities } from "./policy-draft";
import { PolicySavedNotice } from "./policy-saved-notice";
import type { Policy, PolicySaved } from "./types";
import { refreshQueries } from "@/lib/refresh-queries";

const sectionTitle = "mb-1 text-lg font-semibold";
const hintClass = "mb-3 text-sm text-zinc-600 dark:text-zinc-400";

/**
 * Edits the project's policy and saves it as the next version. The edit names the version it
 * started from, so the server refuses it (CONFLICT) when someone saved in between; running
 * studies keep the version they were created under, and the notice after saving says which.
 */
export function PolicyEditor({ projectSlug, policy }: { projectSlug: string; policy: Policy }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [baseVersion, setBaseVersion] = useState(policy.version);
  const [categories, setCategories] = useState(() => categoryDrafts(policy));
  const [severities, setSeverities] = useState(() => severityDrafts(policy));
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState<PolicySaved | null>(null);
  const save = useMutation(
    trpc.safety.updatePolicy.mutationOptions({
      onSuccess: async (result) => {
        setSaved(result);
        setBaseVersion(result.version);
        setNote("");
        await Promise.all([
          refreshQueries(queryClient, { queryKey: trpc.safety.policyHistory.queryKey({ projectSlug }) }),
          refreshQueries(queryClient, { queryKey: trpc.safety.policy.queryKey({ projectSlug }) }),
        ]);
      },
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    save.mutate({
      projectSlug,
      baseVersion,
      note,
      categories: toCategories(categories),
      severities: toSeverities(severities),
    });
  }

  return (
    <form onSubmit={submit} className="space-y-8" aria-label="Policy editor">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Current version: <span className="font-semibold tabular-nums">{baseVersion}</span>
      </p>
      <section aria-labelledby="policy-categories-title">
        <h2 id="policy-categories-title" className={sectionTitle}>
          Categories
        </h2>
        <p className={hintClass}>
          What reviewers label outputs with, in the order they see them. The guidance is shown beside each
          category while reviewing.
        </p>
        <EntryListEditor
          noun="Category"
          entries={categories}
          onChange={setCategories}
          textLabel="Guidance (Markdown)"
          textHint="Guidance: what counts, what does not, and the edge cases."
          textRows={4}
          addLabel="Add category"
          labelMax={80}
        />
      </section>

      <section aria-labelledby="policy-severities-title">
        <h2 id="policy-severities-title" className={sectionTitle}>
          Severities
        </h2>
        <p className={hintClass}>
          From least to most severe. A study can escalate an item to a senior reviewer at or above one of
          these levels.
        </p>
        <EntryListEditor
          noun="Severity"
          entries={severities}
          onChange={setSeverities}
          textLabel="Description"
          textRows={2}
          addLabel="Add severity"
          labelMax={60}
        />
      </section>

      <div className={`${cardClass} space-y-3 p-4`}>
        <div>
          <label htmlFor="policy-note" className={labelClass}>
            What changed
          </label>
          <textarea
            id="policy-note"
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            className={inputClass}
            aria-describedby="policy-note-hint"
          />
          <p id="policy-note-hint" className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            Shown in the version history, so whoever reads a study&rsquo;s report knows what its version said.
          </p>
        </div>
        <ErrorMessage>{save.error?.message}</ErrorMessage>
        <button type="submit" className={buttonClass} disabled={save.isPending}>
          {save.isPending ? "Saving…" : `Save as version ${baseVersion + 1}`}
        </button>
        <div aria-live="polite">{saved ? <PolicySavedNotice saved={saved} /> : null}</div>
      </div>
    </form>
  );
}
