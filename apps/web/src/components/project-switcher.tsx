"use client";

import { useRouter } from "next/navigation";

export type ProjectChoice = { slug: string; name: string; isDemo: boolean };

/** A native select of the user's projects; choosing one opens its overview. */
export function ProjectSwitcher({ projects, current }: { projects: ProjectChoice[]; current: string }) {
  const router = useRouter();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="project-switcher" className="text-sm text-zinc-500 dark:text-zinc-400">
        Project
      </label>
      <select
        id="project-switcher"
        value={current}
        onChange={(e) => router.push(`/p/${encodeURIComponent(e.target.value)}`)}
        className="max-w-md rounded-md border border-zinc-300 bg-white py-1 pr-8 pl-2 text-sm font-medium dark:border-zinc-700 dark:bg-zinc-900"
      >
        {projects.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
            {p.isDemo ? " (demo data)" : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
