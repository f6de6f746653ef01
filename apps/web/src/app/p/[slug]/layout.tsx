import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { DemoBanner } from "@/components/demo-banner";
import { ProjectSwitcher } from "@/components/project-switcher";
import { roleAtLeast } from "@/components/roles";
import { SectionNav } from "@/components/section-nav";
import { SkipLink } from "@/components/skip-link";
import { loadProject } from "./_lib/project";
import { SECTIONS, sectionHref } from "./_lib/sections";

type Props = { children: ReactNode; params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const { slug } = await params;
  const { project } = await loadProject(slug);
  return { title: { default: project.name, template: `%s · ${project.name} · Loupe` } };
}

export default async function ProjectLayout({ children, params }: Props) {
  const { slug } = await params;
  const { caller, user, project } = await loadProject(slug);
  const projects = await caller.projects.mine();
  const sections = SECTIONS.filter((s) => roleAtLeast(project.role, s.minRole)).map((s) => ({
    href: sectionHref(project.slug, s.key),
    label: s.label,
    group: s.group,
    exact: s.key === "overview",
  }));

  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <AppHeader email={user.email}>
        <ProjectSwitcher
          current={project.slug}
          projects={projects.map((p) => ({ slug: p.slug, name: p.name, isDemo: p.isDemo }))}
        />
      </AppHeader>
      {project.isDemo ? <DemoBanner /> : null}
      <div className="flex flex-1">
        <aside className="w-52 shrink-0 border-r border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/50">
          <div className="sticky top-0 max-h-screen overflow-y-auto">
            <SectionNav sections={sections} />
          </div>
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-8 py-6 focus:outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
