"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "./error-message";
import { splitList } from "../lib/list-edit";
import { RED_TEAM_TAG } from "./safety/red-team";
import { buttonClass, cardClass, inputClass, labelClass, secondaryButtonClass } from "./styles";
import { TagList } from "./tag-list";

/**
 * A prompt set's own tags (not its prompts'), e.g. "red-team" for adversarial prompts, which the
 * new-safety-review form lists first. Saving replaces the set's tags.
 */
export function PromptSetTagEditor({
  projectSlug,
  promptSetId,
  tags,
}: {
  projectSlug: string;
  promptSetId: string;
  tags: string[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = useState(tags.join(", "));
  const [saved, setSaved] = useState<string[] | null>(null);
  const save = useMutation(
    trpc.promptSets.setTags.mutationOptions({
      onSuccess: (result) => {
        setSaved(result.tags);
        setText(result.tags.join(", "));
        router.refresh();
      },
    }),
  );
  const current = saved ?? tags;
  const typed = splitList(text);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(null);
    save.mutate({ projectSlug, promptSetId, tags: typed });
  }

  return (
    <section aria-labelledby="prompt-set-tags-title" className={`${cardClass} mb-6 p-4`}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="prompt-set-tags-title" className="text-sm font-semibold">
          Set tags
        </h2>
        <TagList tags={current} />
      </div>
      <form onSubmit={onSubmit} className="mt-3 flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor="prompt-set-tags" className={labelClass}>
            Tags (comma-separated)
          </label>
          <input
            id="prompt-set-tags"
            value={text}
            onChange={(e) => setText(e.target.value)}
            className={inputClass}
            aria-describedby="prompt-set-tags-hint"
          />
        </div>
        <button type="submit" className={buttonClass} disabled={save.isPending}>
          Save tags
        </button>
        {typed.includes(RED_TEAM_TAG) ? null : (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={save.isPending}
            onClick={() => {
              setSaved(null);
              save.mutate({ projectSlug, promptSetId, tags: [...typed, RED_TEAM_TAG] });
            }}
          >
            Mark as red-team
          </button>
        )}
      </form>
      <p id="prompt-set-tags-hint" className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        &ldquo;{RED_TEAM_TAG}&rdquo; marks adversarial prompts: new safety reviews list such sets first.
      </p>
      <div aria-live="polite" className="mt-2">
        <ErrorMessage>{save.error?.message}</ErrorMessage>
        {saved ? <p className="text-sm text-emerald-700 dark:text-emerald-300">Tags saved.</p> : null}
      </div>
    </section>
  );
}
