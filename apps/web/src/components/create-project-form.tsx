"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "./error-message";
import { buttonClass, cardClass, inputClass, labelClass } from "./styles";

/** Administrators create a project (they become its owner) and land in it. */
export function CreateProjectForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation(
    trpc.projects.create.mutationOptions({
      onSuccess: (project) => router.push(`/p/${encodeURIComponent(project.slug)}`),
    }),
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    create.mutate({ name, slug: slug.trim() || undefined, description });
  }

  return (
    <section aria-labelledby="create-project-title" className={`${cardClass} p-5`}>
      <h2 id="create-project-title" className="font-semibold">
        Create a project
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        As an administrator you can start a project; you become its owner and can add members in its Settings.
      </p>
      <form onSubmit={onSubmit} className="mt-4 grid grid-cols-1 gap-3 md:grid-cols-3">
        <div>
          <label htmlFor="project-name" className={labelClass}>
            Name
          </label>
          <input
            id="project-name"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="project-slug" className={labelClass}>
            Address (optional)
          </label>
          <input
            id="project-slug"
            value={slug}
            onChange={(e) => setSlug(e.target.value)}
            placeholder="from the name"
            pattern="[a-z0-9][a-z0-9\-]*"
            aria-describedby="project-slug-hint"
            className={inputClass}
          />
          <p id="project-slug-hint" className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            Lowercase letters, digits and dashes: /p/&lt;address&gt;
          </p>
        </div>
        <div>
          <label htmlFor="project-description" className={labelClass}>
            Description (optional)
          </label>
          <input
            id="project-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            className={inputClass}
          />
        </div>
        <div className="flex items-center gap-3 md:col-span-3">
          <button type="submit" disabled={create.isPending || !name.trim()} className={buttonClass}>
            {create.isPending ? "Creating…" : "Create project"}
          </button>
          <ErrorMessage>{create.error?.message}</ErrorMessage>
        </div>
      </form>
    </section>
  );
}
