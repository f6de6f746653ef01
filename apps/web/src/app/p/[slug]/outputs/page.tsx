import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { ImportOutputsForm } from "@/components/import-outputs-form";
import { ModelFilter } from "@/components/model-filter";
import { OutputTile } from "@/components/output-tile";
import { PageHeader } from "@/components/page-header";
import { Pager, pageFrom } from "@/components/pager";
import { linkClass } from "@/components/styles";
import { gateSection } from "../_lib/section-gate";
import { sectionHref } from "../_lib/sections";

export const metadata: Metadata = { title: "Outputs" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 48;

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function OutputsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = await searchParams;
  const { denied, caller, project } = await gateSection(slug, "outputs");
  if (denied) return denied;
  const [models, promptSets] = await Promise.all([
    caller.models.list({ projectSlug: project.slug }),
    caller.promptSets.list({ projectSlug: project.slug }),
  ]);
  const requested = typeof sp.model === "string" ? sp.model : undefined;
  const modelId = models.some((m) => m.id === requested) ? requested : undefined;
  const page = pageFrom(sp.page);
  const { total, outputs } = await caller.outputs.list({
    projectSlug: project.slug,
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    modelId,
  });
  const basePath = sectionHref(project.slug, "outputs");

  return (
    <>
      <PageHeader
        title="Outputs"
        description="What the models produced, one tile per output, ordered by prompt. Select an image to open the original; videos and audio play in place."
        actions={
          models.length > 0 ? (
            <ModelFilter
              basePath={basePath}
              current={modelId}
              models={models.map((m) => ({ id: m.id, name: m.name, outputCount: m.outputCount }))}
            />
          ) : null
        }
      />
      <ImportOutputsForm projectSlug={project.slug} promptSets={promptSets.map((s) => s.name)} />
      {total === 0 ? (
        <EmptyState title={modelId ? "This model has no outputs yet" : "No outputs yet"}>
          <p>
            Import them above, with <code>loupe import outputs</code>, or with an API key:{" "}
            <code>POST /api/v1/projects/{project.slug}/outputs/import</code>. Images get a thumbnail and
            videos a poster frame; every file is stored by its sha256.
          </p>
          <p>
            First register the model in{" "}
            <Link href={sectionHref(project.slug, "models")} className={linkClass}>
              Models
            </Link>{" "}
            and its prompts in{" "}
            <Link href={sectionHref(project.slug, "prompt-sets")} className={linkClass}>
              Prompt sets
            </Link>
            .
          </p>
        </EmptyState>
      ) : (
        <>
          <ul aria-label="Outputs" className="grid grid-cols-3 gap-3 md:grid-cols-4 lg:grid-cols-6">
            {outputs.map((o) => (
              <OutputTile key={o.id} output={o} />
            ))}
          </ul>
          <Pager
            basePath={basePath}
            query={{ model: modelId }}
            page={page}
            pageSize={PAGE_SIZE}
            total={total}
            noun="outputs"
          />
        </>
      )}
    </>
  );
}
