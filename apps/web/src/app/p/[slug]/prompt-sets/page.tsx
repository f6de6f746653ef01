import type { Metadata } from "next";
import Link from "next/link";
import { AddPromptSetForm } from "@/components/add-prompt-set-form";
import { ImportPromptFileForm } from "@/components/import-prompt-file-form";
import { EmptyState } from "@/components/empty-state";
import { formatCount, formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { cardClass, linkClass, tableClass, tdClass, thClass } from "@/components/styles";
import { TagList } from "@/components/tag-list";
import { gateSection } from "../_lib/section-gate";
import { sectionHref } from "../_lib/sections";

export const metadata: Metadata = { title: "Prompt sets" };
export const dynamic = "force-dynamic";

export default async function PromptSetsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, caller, project } = await gateSection(slug, "prompt-sets");
  if (denied) return denied;
  const sets = await caller.promptSets.list({ projectSlug: project.slug });
  const base = sectionHref(project.slug, "prompt-sets");
  return (
    <>
      <PageHeader
        title="Prompt sets"
        description="Named lists of prompts, with tags for slicing results (e.g. by category or difficulty). Every output answers one prompt."
      />
      <div className="space-y-6">
        {sets.length === 0 ? (
          <EmptyState title="No prompt sets yet">
            <p>Import a prompt file or paste prompts below, or post a set with an API key to the REST API.</p>
          </EmptyState>
        ) : (
          <div className={`${cardClass} overflow-x-auto`}>
            <table className={tableClass}>
              <caption className="sr-only">Prompt sets</caption>
              <thead>
                <tr>
                  <th scope="col" className={thClass}>
                    Name
                  </th>
                  <th scope="col" className={thClass}>
                    Description
                  </th>
                  <th scope="col" className={thClass}>
                    Tags
                  </th>
                  <th scope="col" className={`${thClass} text-right`}>
                    Prompts
                  </th>
                  <th scope="col" className={thClass}>
                    Created
                  </th>
                </tr>
              </thead>
              <tbody>
                {sets.map((s) => (
                  <tr key={s.id}>
                    <th scope="row" className={`${tdClass} whitespace-nowrap`}>
                      <Link href={`${base}/${encodeURIComponent(s.id)}`} className={linkClass}>
                        {s.name}
                      </Link>
                    </th>
                    <td className={`${tdClass} text-zinc-600 dark:text-zinc-400`}>{s.description || "—"}</td>
                    <td className={tdClass}>
                      <TagList tags={s.tags} />
                    </td>
                    <td className={`${tdClass} text-right tabular-nums`}>{formatCount(s.promptCount)}</td>
                    <td className={`${tdClass} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                      {formatDateTime(s.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ImportPromptFileForm projectSlug={project.slug} />
        <AddPromptSetForm projectSlug={project.slug} />
      </div>
    </>
  );
}
