import type { Metadata } from "next";
import { AppHeader } from "@/components/app-header";
import { CreateProjectForm } from "@/components/create-project-form";
import { EmptyState } from "@/components/empty-state";
import { ProjectCard } from "@/components/project-card";
import { SkipLink } from "@/components/skip-link";
import { requireUser } from "@/server/caller";

export const metadata: Metadata = { title: "Projects" };
export const dynamic = "force-dynamic";

export default async function ProjectsPage() {
  const { caller, user } = await requireUser();
  const projects = await caller.projects.mine();
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <AppHeader email={user.email} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-6 py-8 focus:outline-none">
        <h1 className="text-2xl font-semibold tracking-tight">Your projects</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          A project holds its models, prompt sets, outputs, studies and members.
        </p>
        <div className="mt-6">
          {projects.length > 0 ? (
            <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Projects">
              {projects.map((p) => (
                <ProjectCard key={p.slug} project={p} />
              ))}
            </ul>
          ) : (
            <EmptyState title="You are not in any project yet">
              <p>
                {user.isAdmin
                  ? "Create one below; you become its owner."
                  : "Ask a project owner to add you as a member, then your projects appear here."}
              </p>
            </EmptyState>
          )}
        </div>
        {user.isAdmin ? (
          <div className="mt-8">
            <CreateProjectForm />
          </div>
        ) : null}
      </main>
    </div>
  );
}
