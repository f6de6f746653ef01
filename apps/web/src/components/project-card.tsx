import Link from "next/link";
import { DemoBadge } from "./demo-badge";

export type ProjectSummary = {
  slug: string;
  name: string;
  description: string;
  isDemo: boolean;
  role: string;
};

/** One project in the project list: its name, what it is, your role; the whole card opens it. */
export function ProjectCard({ project }: { project: ProjectSummary }) {
  return (
    <li>
      <Link
        href={`/p/${encodeURIComponent(project.slug)}`}
        className="block h-full rounded-lg border border-zinc-200 bg-white p-4 shadow-sm transition hover:border-indigo-400 hover:shadow dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-indigo-500"
      >
        <div className="flex items-start justify-between gap-2">
          <h2 className="font-semibold">{project.name}</h2>
          {project.isDemo ? <DemoBadge /> : null}
        </div>
        {project.description ? (
          <p className="mt-1 line-clamp-3 text-sm text-zinc-600 dark:text-zinc-400">{project.description}</p>
        ) : null}
        <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
          /{project.slug} · your role: <span className="font-medium">{project.role}</span>
        </p>
      </Link>
    </li>
  );
}
