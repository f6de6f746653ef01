"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "./error-message";
import { buttonClass, cardClass, inputClass, labelClass } from "./styles";

/** Lines of the text area become prompts; "text | tag, tag" adds tags. */
function parsePrompts(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const bar = line.lastIndexOf("|");
      if (bar < 0) return { text: line, tags: [] };
      const tags = line
        .slice(bar + 1)
        .split(",")
        .map((t) => t.trim())
        .filter((t) => t.length > 0);
      return { text: line.slice(0, bar).trim(), tags };
    });
}

/** Create a prompt set by pasting prompts, one a line. */
export function AddPromptSetForm({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [lines, setLines] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  const prompts = parsePrompts(lines);
  const create = useMutation(
    trpc.promptSets.create.mutationOptions({
      onSuccess: (set) => {
        setCreated(`Created ${set.name} with ${set.promptCount} prompts.`);
        setName("");
        setLines("");
        router.refresh();
      },
    }),
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setCreated(null);
    create.mutate({ projectSlug, name, prompts });
  }

  return (
    <section aria-labelledby="add-prompt-set-title" className={`${cardClass} p-5`}>
      <h2 id="add-prompt-set-title" className="font-semibold">
        Create a prompt set
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Paste prompts one per line; add tags after a bar, e.g.{" "}
        <code>a red cube on a glass table | objects, color</code>. Large sets can also be posted to{" "}
        <code>/api/v1/projects/{projectSlug}/prompt-sets</code>.
      </p>
      <form onSubmit={onSubmit} className="mt-4 space-y-3">
        <div className="max-w-sm">
          <label htmlFor="prompt-set-name" className={labelClass}>
            Name
          </label>
          <input
            id="prompt-set-name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="prompt-set-prompts" className={labelClass}>
            Prompts
          </label>
          <textarea
            id="prompt-set-prompts"
            required
            rows={5}
            value={lines}
            onChange={(e) => setLines(e.target.value)}
            className={`${inputClass} font-mono`}
            aria-describedby="prompt-set-count"
          />
          <p id="prompt-set-count" className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            {prompts.length} {prompts.length === 1 ? "prompt" : "prompts"}
          </p>
        </div>
        <button
          type="submit"
          disabled={create.isPending || !name.trim() || prompts.length === 0}
          className={buttonClass}
        >
          {create.isPending ? "Creating…" : "Create prompt set"}
        </button>
        <div aria-live="polite">
          {created ? <p className="text-sm text-emerald-700 dark:text-emerald-300">{created}</p> : null}
        </div>
        <ErrorMessage>{create.error?.message}</ErrorMessage>
      </form>
    </section>
  );
}
