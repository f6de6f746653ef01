import type { Metadata } from "next";
import Link from "next/link";
import { ImportReferencesForm } from "@/components/import-references-form";
import { PageHeader } from "@/components/page-header";
import { Pager, pageFrom } from "@/components/pager";
import { PromptSetTagEditor } from "@/components/prompt-set-tag-editor";
import { cardClass, linkClass, tableClass, tdClass, thClass } from "@/components/styles";
import { TagList } from "@/components/tag-list";
import { orNotFound } from "../../_lib/or-not-found";
import { gateSection } from "../../_lib/section-gate";
import { sectionHref } from "../../_lib/sections";

export const metadata: Metadata = { title: "Prompts" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

type Props = {
  params: Promise<{ slug: string; promptSetId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PromptSetPage({ params, searchParams }: Props) {
  const { slug, promptSetId } = await params;
  const page = pageFrom((await searchParams).page);
  const { denied, caller, project } = await gateSection(slug, "prompt-sets");
  if (denied) return denied;
  const [data, sets] = await Promise.all([
    orNotFound(
      caller.promptSets.prompts({
        projectSlug: project.slug,
        promptSetId,
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
      }),
    ),
    // The prompts' page does not carry the set's own tags; the list does.
    caller.promptSets.list({ projectSlug: project.slug }),
  ]);
  const setTags = sets.find((s) => s.id === data.set.id)?.tags ?? [];
  const listHref = sectionHref(project.slug, "prompt-sets");

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={listHref} className={linkClass}>
          ← All prompt sets
        </Link>
      </p>
      <PageHeader
        title={data.set.name}
        description={`${data.total.toLocaleString("en-US")} prompts, in their original order.`}
      />
      <PromptSetTagEditor projectSlug={project.slug} promptSetId={data.set.id} tags={setTags} />
      <div className={`${cardClass} overflow-x-auto`}>
        <table className={tableClass}>
          <caption className="sr-only">Prompts of {data.set.name}</caption>
          <thead>
            <tr>
              <th scope="col" className={`${thClass} w-24`}>
                Id
              </th>
              <th scope="col" className={thClass}>
                Prompt
              </th>
              <th scope="col" className={`${thClass} w-64`}>
                Tags
              </th>
            </tr>
          </thead>
          <tbody>
            {data.prompts.map((p) => (
              <tr key={p.id}>
                <td className={`${tdClass} font-mono text-xs text-zinc-500`}>{p.externalId}</td>
                <td className={tdClass}>{p.text}</td>
                <td className={tdClass}>
                  <TagList tags={p.tags} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        basePath={`${listHref}/${encodeURIComponent(promptSetId)}`}
        page={page}
        pageSize={PAGE_SIZE}
        total={data.total}
        noun="prompts"
      />
      <ImportReferencesForm projectSlug={project.slug} promptSet={data.set.name} />
    </>
  );
}
